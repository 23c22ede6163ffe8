"""The large photo viewer (issue 15): opened with Space, steps through the list's
photographs with the keyboard, zooms, full screen, and shows each audience only
what the detail pane would (blurred faces stay blurred)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtTest import QTest

from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Role, Scope
from memoria.importing.importer import import_paths
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.exhibits import set_blur_regions
from memoria.ui.actions import ActionId
from memoria.ui.main_window import MainWindow
from tests.conftest import make_jpeg, make_wav

COLOURS = [(200, 30, 30), (30, 160, 40), (30, 60, 200)]


def _window(session, settings, qtbot) -> MainWindow:
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1366, 700)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # shortcuts answer in the active window only
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    return win


def _colour_shown(win: MainWindow) -> QColor:
    image = win.photo_window.viewer.pixmap_item.pixmap().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def _near(a: QColor, rgb: tuple[int, int, int]) -> bool:
    return all(abs(x - y) <= 30 for x, y in zip((a.red(), a.green(), a.blue()), rgb,
                                                strict=True))


def test_space_opens_the_viewer_and_the_keys_step_zoom_and_fill_the_screen(
        session, settings, tmp_path, qtbot):
    files = [make_jpeg(tmp_path / f"foto{n}.jpg", color=c, size=(400, 300))
             for n, c in enumerate(COLOURS)]
    files.insert(2, make_wav(tmp_path / "entrevista.wav"))  # not a photograph: skipped
    outcomes = import_paths(session.archive, files).outcomes
    win = _window(session, settings, qtbot)
    action = win.actions[ActionId.VIEW_PHOTO]
    assert action in win.view_menu.actions() and action in win.safe_actions
    first = outcomes[0].item_id
    win.items.select_item(first)
    win.items.table.setFocus()
    QTest.keyClick(win.items.table, Qt.Key.Key_Space)
    viewer = win.photo_window
    qtbot.waitUntil(lambda: viewer.isVisible() and viewer.viewer.pixmap_item is not None,
                    timeout=10000)
    qtbot.waitUntil(viewer.isActiveWindow, timeout=3000)  # it takes the keyboard
    assert viewer.current.item_id == first
    assert viewer.viewer.image_size() == (400.0, 300.0)
    assert _near(_colour_shown(win), COLOURS[0])
    assert viewer.width() >= win.width() - 50  # the whole window, not a small pane

    order = win.model.ids()
    photos = [i for i in order if i != outcomes[2].item_id]
    QTest.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.current.item_id == photos[1]
    QTest.keyClick(viewer, Qt.Key.Key_PageDown)  # the recording between is skipped
    assert viewer.current.item_id == photos[2]
    assert win.items.current_item() == photos[2]  # the list follows
    QTest.keyClick(viewer, Qt.Key.Key_PageDown)  # the last one stays
    assert viewer.current.item_id == photos[2]
    QTest.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.current.item_id == photos[1]

    fitted = viewer.viewer.scale_factor()
    QTest.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.viewer.scale_factor() > fitted * 1.2
    QTest.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(viewer.viewer.scale_factor() - fitted) < 1e-6
    QTest.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.viewer.scale_factor() < fitted
    QTest.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    centre = QPointF(viewer.viewer.viewport().rect().center())
    wheel = QWheelEvent(centre, viewer.viewer.viewport().mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    viewer.viewer.wheelEvent(wheel)  # the wheel alone zooms here
    assert viewer.viewer.scale_factor() > fitted

    QTest.keyClick(viewer, Qt.Key.Key_F11)
    assert viewer.isFullScreen()
    QTest.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isFullScreen() and viewer.isVisible()
    QTest.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    assert viewer.viewer.pixmap_item is None  # nothing decoded kept after closing


def test_outside_staff_faces_stay_blurred_in_the_large_viewer(session, settings, tmp_path,
                                                              qtbot):
    [outcome] = import_paths(session.archive, [
        make_jpeg(tmp_path / "vecinas.jpg", color=(200, 30, 30), size=(400, 300))]).outcomes
    person = authorities.add_person(session.archive, "Vecina")
    fields = item_store.ItemFields.from_item(item_store.get_item(session.archive,
                                                                 outcome.item_id))
    fields.people = [(person.id, Role.DEPICTED)]
    item_store.update_item(session.archive, outcome.item_id, fields)
    consents.record_consent(session.archive, person.id, [outcome.item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH, Scope.INTERNAL},
        anonymisation={Anonymisation.BLUR_FACES}))
    win = _window(session, settings, qtbot)
    session.catalogueChanged.emit(set())

    session.set_audience(Audience.CURATOR)  # staff: the photograph itself
    win.items.select_item(outcome.item_id)
    win.actions[ActionId.VIEW_PHOTO].trigger()
    viewer = win.photo_window
    qtbot.waitUntil(lambda: viewer.viewer.pixmap_item is not None, timeout=10000)
    assert not viewer.current.blurred

    session.set_audience(Audience.RESEARCHER)  # no regions yet: nothing at all
    assert viewer.viewer.pixmap_item is None
    assert "no regions have been marked" in viewer.message.text()

    set_blur_regions(session.archive, outcome.sha256, [(0.0, 0.0, 1.0, 1.0)])
    session.catalogueChanged.emit({outcome.item_id})
    qtbot.waitUntil(lambda: viewer.viewer.pixmap_item is not None, timeout=20000)
    assert viewer.current.blurred
    assert "faces blurred" in viewer.caption.text()
    assert viewer.viewer.image_size() == (400.0, 300.0)


def test_a_picture_loading_for_staff_is_not_shown_after_the_audience_changed(
        session, settings, tmp_path, qtbot):
    """Review: the unblurred access copy asked for the custodian, still decoding when
    the window turned to a researcher's view, landed there (the callback checked only
    the item id) and showed the faces that consent asks to blur."""
    from memoria.ui.tasks import TaskRunner

    [outcome] = import_paths(session.archive, [
        make_jpeg(tmp_path / "vecinas.jpg", color=(200, 30, 30), size=(400, 300))]).outcomes
    person = authorities.add_person(session.archive, "Vecina")
    fields = item_store.ItemFields.from_item(item_store.get_item(session.archive,
                                                                 outcome.item_id))
    fields.people = [(person.id, Role.DEPICTED)]
    item_store.update_item(session.archive, outcome.item_id, fields)
    consents.record_consent(session.archive, person.id, [outcome.item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH, Scope.INTERNAL},
        anonymisation={Anonymisation.BLUR_FACES}))
    win = _window(session, settings, qtbot)
    session.catalogueChanged.emit(set())
    win.items.select_item(outcome.item_id)
    synchronous = session.runner
    session.runner = TaskRunner(synchronous=False)  # the decoding really runs behind
    try:
        win.actions[ActionId.VIEW_PHOTO].trigger()  # custodian: the access copy, decoding
        viewer = win.photo_window
        session.set_audience(Audience.RESEARCHER)  # before it is decoded
        session.runner.wait(10000)
        qtbot.wait(300)  # the answer's callback, had it been kept
        assert viewer.current is not None and viewer.current.refused
        assert viewer.viewer.pixmap_item is None  # no unblurred face in a researcher view
    finally:
        session.runner.wait(10000)
        session.runner = synchronous


def test_the_detail_pane_drops_a_staff_picture_decoded_after_the_audience_changed(
        session, settings, tmp_path, qtbot):
    """Review: the same race in the detail pane (blur_editor): the custodian's access
    copy, decoding when the view turned to a researcher's, landed over 'no regions have
    been marked yet' and showed the faces."""
    from memoria.ui.tasks import TaskRunner

    [outcome] = import_paths(session.archive, [
        make_jpeg(tmp_path / "vecinas.jpg", color=(200, 30, 30), size=(400, 300))]).outcomes
    person = authorities.add_person(session.archive, "Vecina")
    fields = item_store.ItemFields.from_item(item_store.get_item(session.archive,
                                                                 outcome.item_id))
    fields.people = [(person.id, Role.DEPICTED)]
    item_store.update_item(session.archive, outcome.item_id, fields)
    consents.record_consent(session.archive, person.id, [outcome.item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH, Scope.INTERNAL},
        anonymisation={Anonymisation.BLUR_FACES}))
    win = _window(session, settings, qtbot)
    session.catalogueChanged.emit(set())
    synchronous = session.runner
    session.runner = TaskRunner(synchronous=False)
    try:
        win.items.select_item(outcome.item_id)  # custodian: the access copy, decoding
        session.set_audience(Audience.RESEARCHER)  # before it is decoded
        session.runner.wait(10000)
        qtbot.wait(300)
        photo = win.detail.media.photo
        assert "no regions have been marked" in photo.status.text()
        assert photo.viewer.pixmap_item is None
    finally:
        session.runner.wait(10000)
        session.runner = synchronous
