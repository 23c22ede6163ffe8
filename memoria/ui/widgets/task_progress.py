"""Status-bar progress for background work, with a Cancel button.

Only labelled tasks are shown: thumbnails and other quick reads run with no
label and would otherwise make the bar flicker while scrolling.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from memoria.ui.tasks import Task, TaskRunner


class TaskProgress(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.tasks: list[Task] = []
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(180)
        self.bar.setAccessibleName(self.tr("Progress of background work"))
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setAccessibleName(self.tr("Cancel background work"))
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        runner.started.connect(self._started)
        runner.finished.connect(self._finished)
        self.hide()

    def _started(self, task: Task) -> None:
        if not task.label:
            return
        self.tasks.append(task)
        task.signals.progress.connect(self._progress)
        self.label.setText(task.label)
        self.bar.setRange(0, 0)  # busy until the first report
        self.show()

    def _progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if label:
            self.label.setText(label)

    def _finished(self, task: Task) -> None:
        if task in self.tasks:
            self.tasks.remove(task)
        if not self.tasks:
            self.hide()
        else:
            self.label.setText(self.tasks[-1].label)

    def _cancel(self) -> None:
        for task in self.tasks:
            task.cancel()
        self.label.setText(self.tr("Cancelling…"))
