<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../memoria/ui/app.py" line="43"/>
        <source>No archive here</source>
        <translation>No archive here</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="45"/>
        <source>There is no Memoria archive in {path}.</source>
        <translation>There is no Memoria archive in {path}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="50"/>
        <source>Create a new, empty archive there, or choose the folder of an existing one?</source>
        <translation>Create a new, empty archive there, or choose the folder of an existing one?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="56"/>
        <source>Create archive</source>
        <translation>Create archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="60"/>
        <source>Choose folder...</source>
        <translation>Choose folder...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="72"/>
        <location filename="../../memoria/ui/app.py" line="96"/>
        <source>Cannot create the archive</source>
        <translation>Cannot create the archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="80"/>
        <source>Choose an archive folder</source>
        <translation>Choose an archive folder</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="107"/>
        <source>Another Memoria program is using this archive. Close it and try again.</source>
        <translation>Another Memoria program is using this archive. Close it and try again.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="111"/>
        <source>Archive in use</source>
        <translation>Archive in use</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="116"/>
        <source>Cannot open the archive</source>
        <translation>Cannot open the archive</translation>
    </message>
</context>
<context>
    <name>AudienceBanner</name>
    <message>
        <location filename="../../memoria/ui/widgets/audience.py" line="48"/>
        <source>Current audience</source>
        <translation>Current audience</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/audience.py" line="52"/>
        <source>Viewing as: {audience}</source>
        <translation>Viewing as: {audience}</translation>
    </message>
</context>
<context>
    <name>AudienceSelector</name>
    <message>
        <location filename="../../memoria/ui/widgets/audience.py" line="31"/>
        <source>View as</source>
        <translation>View as</translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="78"/>
        <source>Audio player</source>
        <translation>Audio player</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="90"/>
        <source>Play or pause</source>
        <translation>Play or pause</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="91"/>
        <source>Play or pause (Space)</source>
        <translation>Play or pause (Space)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="94"/>
        <source>Back 10 seconds</source>
        <translation>Back 10 seconds</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="95"/>
        <source>Back 10 seconds (Ctrl+Left)</source>
        <translation>Back 10 seconds (Ctrl+Left)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="98"/>
        <source>Forward 10 seconds</source>
        <translation>Forward 10 seconds</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="99"/>
        <source>Forward 10 seconds (Ctrl+Right)</source>
        <translation>Forward 10 seconds (Ctrl+Right)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="101"/>
        <source>Playback position</source>
        <translation>Playback position</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="104"/>
        <source>Position and duration</source>
        <translation>Position and duration</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="106"/>
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="107"/>
        <source>Playback speed (Ctrl+[ slower, Ctrl+] faster)</source>
        <translation>Playback speed (Ctrl+[ slower, Ctrl+] faster)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="113"/>
        <source>Playback availability</source>
        <translation>Playback availability</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="144"/>
        <source>Playback is unavailable: this computer has no audio output device.</source>
        <translation>Playback is unavailable: this computer has no audio output device.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="150"/>
        <source>Playback is unavailable: Qt Multimedia is not installed.</source>
        <translation>Playback is unavailable: Qt Multimedia is not installed.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="161"/>
        <source>Playback is unavailable: %1</source>
        <translation>Playback is unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="162"/>
        <source>the recording could not be played.</source>
        <translation>the recording could not be played.</translation>
    </message>
</context>
<context>
    <name>BlurEditor</name>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="82"/>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Zoom in (+, Ctrl+wheel)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="83"/>
        <source>Zoom out (-, Ctrl+wheel)</source>
        <translation>Zoom out (-, Ctrl+wheel)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="84"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="84"/>
        <source>Fit to window (F)</source>
        <translation>Fit to window (F)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="85"/>
        <source>Actual size (1)</source>
        <translation>Actual size (1)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="86"/>
        <source>Rotate the view 90° (R); the file is not changed</source>
        <translation>Rotate the view 90° (R); the file is not changed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="97"/>
        <source>Mark region to blur</source>
        <translation>Mark region to blur</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="98"/>
        <source>Drag a rectangle over a face or a name to blur it</source>
        <translation>Drag a rectangle over a face or a name to blur it</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="101"/>
        <source>Preview blurred</source>
        <translation>Preview blurred</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="103"/>
        <source>Show a blurred copy as it will leave the archive (the original is untouched)</source>
        <translation>Show a blurred copy as it will leave the archive (the original is untouched)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="108"/>
        <source>Regions to blur</source>
        <translation>Regions to blur</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="110"/>
        <source>&amp;Delete region</source>
        <translation>&amp;Delete region</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="154"/>
        <source>This photograph is shown only with faces blurred, and no regions have been marked yet.</source>
        <translation>This photograph is shown only with faces blurred, and no regions have been marked yet.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="171"/>
        <source>Opening the photograph…</source>
        <translation>Opening the photograph…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="178"/>
        <source>This photograph could not be shown: %1</source>
        <translation>This photograph could not be shown: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="190"/>
        <source>Region %1: %2% × %3% at %4%, %5%</source>
        <translation>Region %1: %2% × %3% at %4%, %5%</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="222"/>
        <source>Saving blur regions</source>
        <translation>Saving blur regions</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="237"/>
        <source>Blurring a copy…</source>
        <translation>Blurring a copy…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="248"/>
        <source>The blurred copy could not be made: %1</source>
        <translation>The blurred copy could not be made: %1</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="69"/>
        <source>Consent check summary</source>
        <translation>Consent check summary</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="71"/>
        <source>Entries that cannot go out</source>
        <translation>Entries that cannot go out</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="84"/>
        <source>Checking consent for {scope}…</source>
        <translation>Checking consent for {scope}…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="89"/>
        <source>Checking consent</source>
        <translation>Checking consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="96"/>
        <source>The check failed: {message}</source>
        <translation>The check failed: {message}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="104"/>
        <source>No entries yet: drag items here from the list.</source>
        <translation>No entries yet: drag items here from the list.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="106"/>
        <source>{blocked} of {total} entries cannot go out as {scope}; they will be left out of the export, the preview and the catalogue.</source>
        <translation>{blocked} of {total} entries cannot go out as {scope}; they will be left out of the export, the preview and the catalogue.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="110"/>
        <source>All {total} entries may go out as {scope}.</source>
        <translation>All {total} entries may go out as {scope}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="116"/>
        <source>Blocked · {accession}: {reason}</source>
        <translation>Blocked · {accession}: {reason}</translation>
    </message>
</context>
<context>
    <name>ConsentBadge</name>
    <message>
        <location filename="../../memoria/ui/widgets/consent_badge.py" line="89"/>
        <source>Consent status</source>
        <translation>Consent status</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Embargo reviewed</source>
        <translation>Embargo reviewed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Replaced by a newer record</source>
        <translation>Replaced by a newer record</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Status changed</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="108"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="111"/>
        <source>Read only: only custodians can record or change consent.</source>
        <translation>Read only: only custodians can record or change consent.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="115"/>
        <source>Whose consent</source>
        <translation>Whose consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="116"/>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="118"/>
        <source>A&amp;dd person...</source>
        <translation>A&amp;dd person...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="126"/>
        <source>Consent records</source>
        <translation>Consent records</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="129"/>
        <source>Embargo until</source>
        <translation>Embargo until</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="129"/>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="136"/>
        <source>History of the selected record</source>
        <translation>History of the selected record</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="139"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="143"/>
        <source>&amp;Withdraw consent...</source>
        <translation>&amp;Withdraw consent...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="144"/>
        <source>Review &amp;embargo...</source>
        <translation>Review &amp;embargo...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="152"/>
        <source>History of the selected record:</source>
        <translation>History of the selected record:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="157"/>
        <source>&amp;Record consent</source>
        <translation>&amp;Record consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="163"/>
        <source>Records and &amp;history</source>
        <translation>Records and &amp;history</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="164"/>
        <source>&amp;New consent</source>
        <translation>&amp;New consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="168"/>
        <source>Who may see this item</source>
        <translation>Who may see this item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="346"/>
        <source>Add person</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="347"/>
        <source>Name of the person giving consent:</source>
        <translation>Name of the person giving consent:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="379"/>
        <source>Recording consent</source>
        <translation>Recording consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="382"/>
        <source>Consent record %1 saved.</source>
        <translation>Consent record %1 saved.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="391"/>
        <source>Withdraw consent</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="392"/>
        <source>Why is consent withdrawn? The withdrawal applies at once, everywhere.</source>
        <translation>Why is consent withdrawn? The withdrawal applies at once, everywhere.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="397"/>
        <source>A withdrawal needs a reason.</source>
        <translation>A withdrawal needs a reason.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="400"/>
        <source>Withdrawing consent</source>
        <translation>Withdrawing consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="401"/>
        <source>Consent withdrawn.</source>
        <translation>Consent withdrawn.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="407"/>
        <source>Review embargo</source>
        <translation>Review embargo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="408"/>
        <source>The embargo has ended. Note why the item may now be shown as consent allows:</source>
        <translation>The embargo has ended. Note why the item may now be shown as consent allows:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="412"/>
        <source>Reviewing embargo</source>
        <translation>Reviewing embargo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="413"/>
        <source>Embargo reviewed.</source>
        <translation>Embargo reviewed.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="420"/>
        <source>Adding person</source>
        <translation>Adding person</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Copies outside the archive still hold this and must be recalled (see “Copies to recall” in the sidebar):</source>
        <translation>Copies outside the archive still hold this and must be recalled (see “Copies to recall” in the sidebar):</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="88"/>
        <source>Scopes granted</source>
        <translation>Scopes granted</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="93"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="127"/>
        <source>Items this consent covers</source>
        <translation>Items this consent covers</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="96"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="128"/>
        <source>Only these segments</source>
        <translation>Only these segments</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="98"/>
        <source>No embargo</source>
        <translation>No embargo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="98"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="130"/>
        <source>Embargo until</source>
        <translation>Embargo until</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="99"/>
        <source>No review date</source>
        <translation>No review date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="99"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="132"/>
        <source>Review date</source>
        <translation>Review date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="102"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="103"/>
        <source>Pseudonym to use</source>
        <translation>Pseudonym to use</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="105"/>
        <source>Anonymisation required</source>
        <translation>Anonymisation required</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="112"/>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="113"/>
        <source>Signed form</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="114"/>
        <source>Recorded verbally</source>
        <translation>Recorded verbally</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="116"/>
        <source>Date unknown</source>
        <translation>Date unknown</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="116"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="138"/>
        <source>Obtained on</source>
        <translation>Obtained on</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="118"/>
        <source>Attach si&amp;gned form...</source>
        <translation>Attach si&amp;gned form...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="119"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="203"/>
        <source>No file attached</source>
        <translation>No file attached</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="125"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="125"/>
        <source>Consent status</source>
        <translation>Consent status</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="127"/>
        <source>&amp;Items:</source>
        <translation>&amp;Items:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="128"/>
        <source>Se&amp;gments (optional):</source>
        <translation>Se&amp;gments (optional):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="130"/>
        <source>&amp;Embargo until:</source>
        <translation>&amp;Embargo until:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="132"/>
        <source>Re&amp;view date:</source>
        <translation>Re&amp;view date:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="135"/>
        <source>&amp;How obtained:</source>
        <translation>&amp;How obtained:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="135"/>
        <source>How consent was obtained</source>
        <translation>How consent was obtained</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="137"/>
        <source>Obtained &amp;by:</source>
        <translation>Obtained &amp;by:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="137"/>
        <source>Obtained by</source>
        <translation>Obtained by</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="138"/>
        <source>Obtained o&amp;n:</source>
        <translation>Obtained o&amp;n:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="140"/>
        <source>&amp;Witness:</source>
        <translation>&amp;Witness:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="140"/>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="146"/>
        <source>Signed form:</source>
        <translation>Signed form:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="150"/>
        <source>N&amp;ote for the history:</source>
        <translation>N&amp;ote for the history:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="150"/>
        <source>Note for the history</source>
        <translation>Note for the history</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="196"/>
        <source>Scan of the signed consent form</source>
        <translation>Scan of the signed consent form</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="197"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="225"/>
        <source>Choose at least one item.</source>
        <translation>Choose at least one item.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="227"/>
        <source>Granted consent must name at least one scope.</source>
        <translation>Granted consent must name at least one scope.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="229"/>
        <source>Say which pseudonym to use.</source>
        <translation>Say which pseudonym to use.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="26"/>
        <source>e.g. c. 1998, 1990s, 2002-10, between 1985 and 1991</source>
        <translation>e.g. c. 1998, 1990s, 2002-10, between 1985 and 1991</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="27"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="29"/>
        <source>How the date is understood</source>
        <translation>How the date is understood</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="67"/>
        <source>not a date Memoria can read (try: c. 1998, 1990s, 2002-10)</source>
        <translation>not a date Memoria can read (try: c. 1998, 1990s, 2002-10)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="68"/>
        <source>there is no such month</source>
        <translation>there is no such month</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="69"/>
        <source>there is no such day in that month</source>
        <translation>there is no such day in that month</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="70"/>
        <source>there is no year 0</source>
        <translation>there is no year 0</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="71"/>
        <source>the start of the range comes after its end</source>
        <translation>the start of the range comes after its end</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="72"/>
        <source>write the year with four digits</source>
        <translation>write the year with four digits</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="73"/>
        <source>a range needs at least one known end</source>
        <translation>a range needs at least one known end</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="74"/>
        <source>that is not the start of a decade</source>
        <translation>that is not the start of a decade</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="75"/>
        <source>valid EDTF, but not a form Memoria can store</source>
        <translation>valid EDTF, but not a form Memoria can store</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="76"/>
        <source>type a date</source>
        <translation>type a date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="90"/>
        <source>Cannot read this date: %1</source>
        <translation>Cannot read this date: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="93"/>
        <source>Understood as: %1 (%2)</source>
        <translation>Understood as: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="98"/>
        <source>No date</source>
        <translation>No date</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="45"/>
        <source>Item details</source>
        <translation>Item details</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="50"/>
        <source>Who may see this item</source>
        <translation>Who may see this item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="51"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="52"/>
        <source>Edit this item</source>
        <translation>Edit this item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="53"/>
        <source>C&amp;onsent...</source>
        <translation>C&amp;onsent...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="54"/>
        <source>Consent of this item</source>
        <translation>Consent of this item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="59"/>
        <source>Item description</source>
        <translation>Item description</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="91"/>
        <source>No item selected.</source>
        <translation>No item selected.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="102"/>
        <source>This item is not visible to this audience.</source>
        <translation>This item is not visible to this audience.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="135"/>
        <source>Accession</source>
        <translation>Accession</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="136"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="137"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="137"/>
        <source>undated</source>
        <translation>undated</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="139"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="143"/>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="148"/>
        <source>Subjects</source>
        <translation>Subjects</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="150"/>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="156"/>
        <source>In exhibits:</source>
        <translation>In exhibits:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="161"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="165"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="172"/>
        <source>{n} segments withheld by consent.</source>
        <translation>{n} segments withheld by consent.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="176"/>
        <source>Internal notes</source>
        <translation>Internal notes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>%n item selected</numerusform>
            <numerusform>%n items selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>Kinds</source>
        <translation>Kinds</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>Actions for the selected items</source>
        <translation>Actions for the selected items</translation>
    </message>
</context>
<context>
    <name>EditorBridge</name>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="52"/>
        <source>Not available yet</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="53"/>
        <source>The {what} is not part of this version yet.</source>
        <translation>The {what} is not part of this version yet.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="74"/>
        <source>item editor</source>
        <translation>item editor</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="86"/>
        <source>consent editor</source>
        <translation>consent editor</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="95"/>
        <source>import dialog</source>
        <translation>import dialog</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="66"/>
        <source>Caption (Spanish)</source>
        <translation>Caption (Spanish)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="67"/>
        <source>Caption (English, optional)</source>
        <translation>Caption (English, optional)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="68"/>
        <source>Curatorial text (Spanish)</source>
        <translation>Curatorial text (Spanish)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="69"/>
        <source>Curatorial text (English, optional)</source>
        <translation>Curatorial text (English, optional)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="81"/>
        <source>Part of the testimony shown</source>
        <translation>Part of the testimony shown</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="83"/>
        <source>Transcript segments</source>
        <translation>Transcript segments</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="87"/>
        <source>Segment text: select words to quote</source>
        <translation>Segment text: select words to quote</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="89"/>
        <source>Whole testimony</source>
        <translation>Whole testimony</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="90"/>
        <source>Use this segment</source>
        <translation>Use this segment</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="91"/>
        <source>Quote selected words</source>
        <translation>Quote selected words</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="120"/>
        <source>Choose an entry to edit its texts.</source>
        <translation>Choose an entry to edit its texts.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="125"/>
        <source>Whole item</source>
        <translation>Whole item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="125"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="126"/>
        <source>Quotation</source>
        <translation>Quotation</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="176"/>
        <source>Saving the entry&apos;s texts</source>
        <translation>Saving the entry&apos;s texts</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="198"/>
        <source>Changing the part shown</source>
        <translation>Changing the part shown</translation>
    </message>
</context>
<context>
    <name>ExhibitEditor</name>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="63"/>
        <source>Exhibit editor</source>
        <translation>Exhibit editor</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="72"/>
        <source>Target scope</source>
        <translation>Target scope</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="78"/>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="83"/>
        <source>Spanish</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="83"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="86"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="86"/>
        <source>Subtitle</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="87"/>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="108"/>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="261"/>
        <source>Add section</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="110"/>
        <source>Add selected items</source>
        <translation>Add selected items</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="112"/>
        <source>Place the items selected in the list at the end of the current section</source>
        <translation>Place the items selected in the list at the end of the current section</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="115"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="116"/>
        <source>Export...</source>
        <translation>Export...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="117"/>
        <source>Print catalogue...</source>
        <translation>Print catalogue...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="225"/>
        <source>Saving the exhibit</source>
        <translation>Saving the exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="229"/>
        <source>Exhibit</source>
        <translation>Exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="262"/>
        <source>Section title (Spanish):</source>
        <translation>Section title (Spanish):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="279"/>
        <source>Placing items in the exhibit</source>
        <translation>Placing items in the exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="301"/>
        <source>Remove section</source>
        <translation>Remove section</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="302"/>
        <source>Remove this section and its {n} entries from the exhibit? The items stay in the archive.</source>
        <translation>Remove this section and its {n} entries from the exhibit? The items stay in the archive.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="325"/>
        <source>Preparing the preview</source>
        <translation>Preparing the preview</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="350"/>
        <source>Save catalogue as PDF</source>
        <translation>Save catalogue as PDF</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="351"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="361"/>
        <source>Preparing the catalogue</source>
        <translation>Preparing the catalogue</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="1"/>
        <source>Recording the copy</source>
        <translation>Recording the copy</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="1"/>
        <source>Entry removed from the exhibit. Edit &gt; Undo puts it back.</source>
        <translation>Entry removed from the exhibit. Edit &gt; Undo puts it back.</translation>
    </message>
</context>
<context>
    <name>ExhibitOutline</name>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="84"/>
        <source>Exhibit outline</source>
        <translation>Exhibit outline</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="86"/>
        <source>Sections and entries</source>
        <translation>Sections and entries</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="87"/>
        <source>Consent check</source>
        <translation>Consent check</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="156"/>
        <source>May go out</source>
        <translation>May go out</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="156"/>
        <source>Blocked: {reason}</source>
        <translation>Blocked: {reason}</translation>
    </message>
</context>
<context>
    <name>ExhibitsController</name>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="91"/>
        <source>Creating the exhibit</source>
        <translation>Creating the exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="92"/>
        <source>New exhibit</source>
        <translation>New exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Re&amp;name...</source>
        <translation>Re&amp;name...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>&amp;Export...</source>
        <translation>&amp;Export...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>&amp;Open the item</source>
        <translation>&amp;Open the item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>&amp;Remove from the exhibit...</source>
        <translation>&amp;Remove from the exhibit...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Rename the exhibit</source>
        <translation>Rename the exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Title (Spanish):</source>
        <translation>Title (Spanish):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Saving the exhibit</source>
        <translation>Saving the exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Remove from the exhibit</source>
        <translation>Remove from the exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Remove this entry from the exhibit? The item stays in the archive.</source>
        <translation>Remove this entry from the exhibit? The item stays in the archive.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="72"/>
        <source>Export exhibit</source>
        <translation>Export exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="74"/>
        <source>Destination folder</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="75"/>
        <source>Choose...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="84"/>
        <source>Kiosk mode (return to the cover when idle)</source>
        <translation>Kiosk mode (return to the cover when idle)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="88"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="92"/>
        <source>Destination folder:</source>
        <translation>Destination folder:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="93"/>
        <source>Consent scope:</source>
        <translation>Consent scope:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="95"/>
        <source>Idle time:</source>
        <translation>Idle time:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="100"/>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="103"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="105"/>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="123"/>
        <source>Export to folder</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="131"/>
        <source>Choose a destination folder first.</source>
        <translation>Choose a destination folder first.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="138"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="142"/>
        <source>Exporting the exhibit</source>
        <translation>Exporting the exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="165"/>
        <source>Export cancelled: the destination folder was not changed.</source>
        <translation>Export cancelled: the destination folder was not changed.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="177"/>
        <source>{n} entries exported to {dest}.</source>
        <translation>{n} entries exported to {dest}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="181"/>
        <source>{n} entries were left out, and why:</source>
        <translation>{n} entries were left out, and why:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="188"/>
        <source>No entry was left out.</source>
        <translation>No entry was left out.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="169"/>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="172"/>
        <source>Filter by</source>
        <translation>Filter by</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="177"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="190"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="190"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="191"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="191"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="192"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="192"/>
        <source>Decade</source>
        <translation>Decade</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="193"/>
        <source>Consent status</source>
        <translation>Consent status</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="226"/>
        <source>{decade}s</source>
        <translation>{decade}s</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="228"/>
        <source>Spanish</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="228"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="229"/>
        <source>Portuguese</source>
        <translation>Portuguese</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="229"/>
        <source>French</source>
        <translation>French</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="34"/>
        <source>History of the item</source>
        <translation>History of the item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="65"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="66"/>
        <source>Edited</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="67"/>
        <source>File added</source>
        <translation>File added</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="68"/>
        <source>Transcript saved</source>
        <translation>Transcript saved</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="69"/>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="70"/>
        <source>Consent status changed</source>
        <translation>Consent status changed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="71"/>
        <source>Consent superseded</source>
        <translation>Consent superseded</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="72"/>
        <source>Embargo reviewed</source>
        <translation>Embargo reviewed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="79"/>
        <source>Accession %1, title &apos;%2&apos;</source>
        <translation>Accession %1, title &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="91"/>
        <source>%1 segments, %2 removed</source>
        <translation>%1 segments, %2 removed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="94"/>
        <source>Record %1: %2</source>
        <translation>Record %1: %2</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="1"/>
        <source>%1 (undo)</source>
        <translation>%1 (undo)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="1"/>
        <source>%1 (redo)</source>
        <translation>%1 (redo)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Subjects</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="64"/>
        <source>Import files</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="68"/>
        <source>Files to import</source>
        <translation>Files to import</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>Kind (from content)</source>
        <translation>Kind (from content)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="76"/>
        <source>From the content (image: photograph, audio: recording)</source>
        <translation>From the content (image: photograph, audio: recording)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="81"/>
        <source>Colombia &gt; Antioquia &gt; Medellín &gt; Comuna 13</source>
        <translation>Colombia &gt; Antioquia &gt; Medellín &gt; Comuna 13</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="88"/>
        <source>Separated by commas</source>
        <translation>Separated by commas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="90"/>
        <source>e.g. es</source>
        <translation>e.g. es</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="92"/>
        <source>Bro&amp;wse...</source>
        <translation>Bro&amp;wse...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="99"/>
        <source>For every file</source>
        <translation>For every file</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="102"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="102"/>
        <source>Kind for every file</source>
        <translation>Kind for every file</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="103"/>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="103"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="104"/>
        <source>&amp;Place:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="104"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="105"/>
        <source>&amp;Subjects:</source>
        <translation>&amp;Subjects:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="105"/>
        <source>Subjects</source>
        <translation>Subjects</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="106"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="106"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="107"/>
        <source>&amp;Metadata CSV (optional):</source>
        <translation>&amp;Metadata CSV (optional):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="107"/>
        <source>Metadata CSV</source>
        <translation>Metadata CSV</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="119"/>
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="121"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="123"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="157"/>
        <source>Will not import: %1</source>
        <translation>Will not import: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="160"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="164"/>
        <source>%1 file(s) found, %2 ready to import.</source>
        <translation>%1 file(s) found, %2 ready to import.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="169"/>
        <source>Metadata spreadsheet</source>
        <translation>Metadata spreadsheet</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="240"/>
        <source>Import the files without the spreadsheet&apos;s metadata?</source>
        <translation>Import the files without the spreadsheet&apos;s metadata?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="170"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="194"/>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="195"/>
        <source>Importing...</source>
        <translation>Importing...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="197"/>
        <source>Importing files</source>
        <translation>Importing files</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="204"/>
        <source>Importing %1...</source>
        <translation>Importing %1...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="210"/>
        <source>Stopping after the current file...</source>
        <translation>Stopping after the current file...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="221"/>
        <source>The import stopped: %1</source>
        <translation>The import stopped: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="226"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="238"/>
        <source>Imported as %1</source>
        <translation>Imported as %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="240"/>
        <source>Already in the archive as %1</source>
        <translation>Already in the archive as %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="241"/>
        <source>Not imported: %1</source>
        <translation>Not imported: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="255"/>
        <source>Not imported (cancelled before this file)</source>
        <translation>Not imported (cancelled before this file)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="262"/>
        <source>%1 imported, %2 already in the archive, %3 not imported.</source>
        <translation>%1 imported, %2 already in the archive, %3 not imported.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="266"/>
        <source>The import was cancelled; the files imported so far are kept.</source>
        <translation>The import was cancelled; the files imported so far are kept.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="44"/>
        <source>Not a photograph or audio format Memoria knows</source>
        <translation>Not a photograph or audio format Memoria knows</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="46"/>
        <source>A document is not an item by itself</source>
        <translation>A document is not an item by itself</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="48"/>
        <source>Recognised, but no decoder for it is installed</source>
        <translation>Recognised, but no decoder for it is installed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="56"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="56"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="110"/>
        <source>Descr&amp;iption</source>
        <translation>Descr&amp;iption</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="111"/>
        <source>&amp;Media</source>
        <translation>&amp;Media</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="112"/>
        <source>T&amp;ranscript</source>
        <translation>T&amp;ranscript</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="113"/>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="116"/>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="117"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="119"/>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vert</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="166"/>
        <source>Only custodians edit items. Switch to the custodian view to edit this item.</source>
        <translation>Only custodians edit items. Switch to the custodian view to edit this item.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="233"/>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="236"/>
        <source>Saving item</source>
        <translation>Saving item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="243"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="253"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="254"/>
        <source>This item has changes that are not saved. Save them before closing?</source>
        <translation>This item has changes that are not saved. Save them before closing?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="284"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>ItemEditorDialog</name>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="299"/>
        <source>New item</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="299"/>
        <location filename="../../memoria/ui/editors/item_editor.py" line="301"/>
        <source>Edit item</source>
        <translation>Edit item</translation>
    </message>
</context>
<context>
    <name>ItemFieldsForm</name>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="45"/>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="66"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="47"/>
        <source>Choose a place, or type a new one: Colombia &gt; Antioquia &gt; Medellín</source>
        <translation>Choose a place, or type a new one: Colombia &gt; Antioquia &gt; Medellín</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="49"/>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="69"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="52"/>
        <source>Language codes, e.g. es, en</source>
        <translation>Language codes, e.g. es, en</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="59"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="59"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="60"/>
        <source>&amp;Accession number:</source>
        <translation>&amp;Accession number:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="60"/>
        <source>Accession number</source>
        <translation>Accession number</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="62"/>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="62"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="63"/>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="63"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="65"/>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="65"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="66"/>
        <source>&amp;Places:</source>
        <translation>&amp;Places:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="67"/>
        <source>Pe&amp;ople:</source>
        <translation>Pe&amp;ople:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="67"/>
        <source>People and their roles</source>
        <translation>People and their roles</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="69"/>
        <source>&amp;Subjects:</source>
        <translation>&amp;Subjects:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="70"/>
        <source>&amp;Languages:</source>
        <translation>&amp;Languages:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="70"/>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="71"/>
        <source>&amp;Notes (internal):</source>
        <translation>&amp;Notes (internal):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="71"/>
        <source>Internal notes</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="97"/>
        <source>Every item needs a title.</source>
        <translation>Every item needs a title.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="105"/>
        <source>Leave empty to number it automatically</source>
        <translation>Leave empty to number it automatically</translation>
    </message>
</context>
<context>
    <name>ItemMediaPanel</name>
    <message>
        <location filename="../../memoria/ui/media/item_media.py" line="101"/>
        <source>The voice is not played because of consent.</source>
        <translation>The voice is not played because of consent.</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Accession</source>
        <translation>Accession</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="217"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="217"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
</context>
<context>
    <name>ItemViews</name>
    <message>
        <location filename="../../memoria/ui/views/item_views.py" line="41"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/item_views.py" line="61"/>
        <source>Item grid</source>
        <translation>Item grid</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>The catalogue has been changed outside Memoria ({n} damaged pages). Run Tools &gt; Verify the archive and, if it confirms the damage, restore the archive from a backup.</source>
        <translation>The catalogue has been changed outside Memoria ({n} damaged pages). Run Tools &gt; Verify the archive and, if it confirms the damage, restore the archive from a backup.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>The catalogue lost changes that had been saved: researcher and public views stay closed until a custodian has checked the consents and acknowledged it (memoria acknowledge-loss).</source>
        <translation>The catalogue lost changes that had been saved: researcher and public views stay closed until a custodian has checked the consents and acknowledged it (memoria acknowledge-loss).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>{shown} · {visible} of {items}</source>
        <translation>{shown} · {visible} of {items}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>{shown} · {items} in the archive</source>
        <translation>{shown} · {items} in the archive</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%Ln visible</source>
        <translation>
            <numerusform>%Ln visible</numerusform>
            <numerusform>%Ln visible</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="1"/>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="350"/>
        <source>Also searched</source>
        <translation>Also searched</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="40"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="44"/>
        <source>&amp;New archive...</source>
        <translation>&amp;New archive...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="51"/>
        <source>&amp;Open archive...</source>
        <translation>&amp;Open archive...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="57"/>
        <source>New &amp;item</source>
        <translation>New &amp;item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="70"/>
        <source>&amp;Import...</source>
        <translation>&amp;Import...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="79"/>
        <source>&amp;Preferences...</source>
        <translation>&amp;Preferences...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="89"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="95"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="98"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="104"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="114"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="123"/>
        <source>&amp;Clear search</source>
        <translation>&amp;Clear search</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="131"/>
        <source>&amp;Edit item</source>
        <translation>&amp;Edit item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="137"/>
        <source>&amp;Consent...</source>
        <translation>&amp;Consent...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="146"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="149"/>
        <source>As &amp;list</source>
        <translation>As &amp;list</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="155"/>
        <source>As &amp;grid</source>
        <translation>As &amp;grid</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="162"/>
        <source>View &amp;as</source>
        <translation>View &amp;as</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="180"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="183"/>
        <source>&amp;About Memoria</source>
        <translation>&amp;About Memoria</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="186"/>
        <source>About Memoria</source>
        <translation>About Memoria</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="187"/>
        <source>&lt;h3&gt;Memoria {version}&lt;/h3&gt;&lt;p&gt;A desktop archive for testimonies, photographs and audio, kept with the consent of the people in them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Memoria {version}&lt;/h3&gt;&lt;p&gt;A desktop archive for testimonies, photographs and audio, kept with the consent of the people in them.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="213"/>
        <source>Import files</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="215"/>
        <source>Photographs and audio (*.jpg *.jpeg *.png *.tif *.tiff *.wav *.mp3 *.flac *.ogg *.m4a);;All files (*)</source>
        <translation>Photographs and audio (*.jpg *.jpeg *.png *.tif *.tiff *.wav *.mp3 *.flac *.ogg *.m4a);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="227"/>
        <source>New archive folder</source>
        <translation>New archive folder</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="229"/>
        <source>Open archive folder</source>
        <translation>Open archive folder</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="46"/>
        <source>Memoria — {name}</source>
        <translation>Memoria — {name}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="98"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="105"/>
        <source>Search titles, descriptions, transcripts…</source>
        <translation>Search titles, descriptions, transcripts…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="106"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="113"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="115"/>
        <source>Show items as a grid of pictures (Ctrl+2)</source>
        <translation>Show items as a grid of pictures (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="118"/>
        <source>View as:</source>
        <translation>View as:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="134"/>
        <source>Item counts</source>
        <translation>Item counts</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="327"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="328"/>
        <source>An editor has changes that are not saved. Close anyway?</source>
        <translation>An editor has changes that are not saved. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="323"/>
        <source>Search problem</source>
        <translation>Search problem</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="349"/>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="362"/>
        <source>Show the filters: counts by kind, place, subject, person, decade</source>
        <translation>Show the filters: counts by kind, place, subject, person, decade</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="371"/>
        <source>Save search...</source>
        <translation>Save search...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="372"/>
        <source>Keep this search and its filters in the sidebar</source>
        <translation>Keep this search and its filters in the sidebar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>Reading-room edition for the public, {date} (read-only)</source>
        <translation>Reading-room edition for the public, {date} (read-only)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>Reading-room edition for researchers, {date} (read-only)</source>
        <translation>Reading-room edition for researchers, {date} (read-only)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="1"/>
        <source>Select &amp;all</source>
        <translation>Select &amp;all</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaTab</name>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="91"/>
        <source>Files of the item</source>
        <translation>Files of the item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="94"/>
        <source>Technical metadata</source>
        <translation>Technical metadata</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="98"/>
        <source>Add &amp;files...</source>
        <translation>Add &amp;files...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="113"/>
        <source>Save the item first, then add its files.</source>
        <translation>Save the item first, then add its files.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="127"/>
        <source>Add files to the item</source>
        <translation>Add files to the item</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/media_tab.py" line="135"/>
        <source>Adding %n file(s)...</source>
        <translation>
            <numerusform>Adding %n file...</numerusform>
            <numerusform>Adding %n files...</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="136"/>
        <source>Adding files</source>
        <translation>Adding files</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="140"/>
        <source>Files added.</source>
        <translation>Files added.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="145"/>
        <source>The files could not be added: %1</source>
        <translation>The files could not be added: %1</translation>
    </message>
</context>
<context>
    <name>NewExhibitDialog</name>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="32"/>
        <source>New exhibit</source>
        <translation>New exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="45"/>
        <source>Title (Spanish):</source>
        <translation>Title (Spanish):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="46"/>
        <source>Title (English, optional):</source>
        <translation>Title (English, optional):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="47"/>
        <source>Short name (for scripts):</source>
        <translation>Short name (for scripts):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="48"/>
        <source>Target scope:</source>
        <translation>Target scope:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="63"/>
        <source>An exhibit needs a Spanish title and a short name.</source>
        <translation>An exhibit needs a Spanish title and a short name.</translation>
    </message>
</context>
<context>
    <name>PeopleTable</name>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="45"/>
        <source>People and their roles</source>
        <translation>People and their roles</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="46"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="46"/>
        <location filename="../../memoria/ui/editors/people_table.py" line="77"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="50"/>
        <source>Add person</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="51"/>
        <source>Remove person</source>
        <translation>Remove person</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="66"/>
        <source>Person&apos;s name</source>
        <translation>Person&apos;s name</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="13"/>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="15"/>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="16"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="21"/>
        <source>The new language is used the next time Memoria starts.</source>
        <translation>The new language is used the next time Memoria starts.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="28"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock after minutes without use</source>
        <translation>Lock after minutes without use</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Loc&amp;k after:</source>
        <translation>Loc&amp;k after:</translation>
    </message>
    <message>
        <source>Transcription model folder</source>
        <translation>Transcription model folder</translation>
    </message>
    <message>
        <source>C&amp;hoose folder…</source>
        <translation>C&amp;hoose folder…</translation>
    </message>
    <message>
        <source>A Whisper model converted for CTranslate2 (model.bin, config.json, tokenizer.json, vocabulary): it is checked and used for every transcription</source>
        <translation>A Whisper model converted for CTranslate2 (model.bin, config.json, tokenizer.json, vocabulary): it is checked and used for every transcription</translation>
    </message>
    <message>
        <source>No model yet: choose a folder, or run &apos;memoria asr install&apos; once.</source>
        <translation>No model yet: choose a folder, or run &apos;memoria asr install&apos; once.</translation>
    </message>
    <message>
        <source>Whisper %1, %2 MB, %3 languages</source>
        <translation>Whisper %1, %2 MB, %3 languages</translation>
    </message>
    <message>
        <source>Choose the transcription model folder</source>
        <translation>Choose the transcription model folder</translation>
    </message>
    <message>
        <source>Checking the model…</source>
        <translation>Checking the model…</translation>
    </message>
    <message>
        <source>Transcription &amp;model:</source>
        <translation>Transcription &amp;model:</translation>
    </message>
</context>
<context>
    <name>RedactionEditor</name>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="47"/>
        <source>Segment text for redaction</source>
        <translation>Segment text for redaction</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="49"/>
        <source>Select words in the segment, then redact them.</source>
        <translation>Select words in the segment, then redact them.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="51"/>
        <source>Redact selection</source>
        <translation>Redact selection</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="53"/>
        <source>Replace the selected words with a marker everywhere outside the archive; the stored transcript is not changed</source>
        <translation>Replace the selected words with a marker everywhere outside the archive; the stored transcript is not changed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="120"/>
        <source>Redacting words</source>
        <translation>Redacting words</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="264"/>
        <source>There is no search to save.</source>
        <translation>There is no search to save.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="266"/>
        <source>Save search</source>
        <translation>Save search</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="266"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="272"/>
        <source>Saving the search</source>
        <translation>Saving the search</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="295"/>
        <source>Deleting the saved search</source>
        <translation>Deleting the saved search</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="260"/>
        <source>Also searched: {words}</source>
        <extracomment>Spellings with ñ searched besides a word typed without ñ, e.g. "ninos" also searches "niños".</extracomment>
        <translation>Also searched: {words}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="114"/>
        <source>Preparing the search index</source>
        <extracomment>The list shows every match; more than this many are cut (see docs/search.md).</extracomment>
        <translation>Preparing the search index</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="170"/>
        <source>The search index could not be prepared: {0}</source>
        <translation>The search index could not be prepared: {0}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="258"/>
        <source>The search index is not ready yet: a simple search of titles and descriptions is shown meanwhile.</source>
        <translation>The search index is not ready yet: a simple search of titles and descriptions is shown meanwhile.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="263"/>
        <source>Showing the best {shown} of {total} matches.</source>
        <translation>Showing the best {shown} of {total} matches.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="271"/>
        <source>This filter is not available for this audience.</source>
        <translation>This filter is not available for this audience.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="275"/>
        <source>A parenthesis is not closed or not opened.</source>
        <translation>A parenthesis is not closed or not opened.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="276"/>
        <source>A word cannot start with * or ?.</source>
        <translation>A word cannot start with * or ?.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="277"/>
        <source>Write at least two letters before * or ?.</source>
        <translation>Write at least two letters before * or ?.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="278"/>
        <source>A field needs a value after the colon.</source>
        <translation>A field needs a value after the colon.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="279"/>
        <source>Unknown kind: use testimony, photograph or audio.</source>
        <translation>Unknown kind: use testimony, photograph or audio.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="280"/>
        <source>Unknown language: use a code such as es or en.</source>
        <translation>Unknown language: use a code such as es or en.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="281"/>
        <source>That date or year is not valid; write e.g. 1998 or 1985..1991.</source>
        <translation>That date or year is not valid; write e.g. 1998 or 1985..1991.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="286"/>
        <source>{message} (character {position})</source>
        <translation>{message} (character {position})</translation>
    </message>
</context>
<context>
    <name>SearchHitsPanel</name>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="78"/>
        <source>Search matches</source>
        <translation>Search matches</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="82"/>
        <source>Matching text</source>
        <translation>Matching text</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="84"/>
        <source>Matching moments</source>
        <translation>Matching moments</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="129"/>
        <source>Open the recording at {time}</source>
        <translation>Open the recording at {time}</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="49"/>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="84"/>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="85"/>
        <source>All items</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="88"/>
        <source>Exhibits</source>
        <translation>Exhibits</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="91"/>
        <location filename="../../memoria/ui/views/sidebar.py" line="162"/>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="90"/>
        <source>Saved searches</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="89"/>
        <location filename="../../memoria/ui/views/sidebar.py" line="140"/>
        <source>New exhibit...</source>
        <translation>New exhibit...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="93"/>
        <source>Work queues</source>
        <translation>Work queues</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="95"/>
        <source>Consent pending</source>
        <translation>Consent pending</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="96"/>
        <source>Embargo ended: review</source>
        <translation>Embargo ended: review</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="97"/>
        <source>Consent withdrawn</source>
        <translation>Consent withdrawn</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="118"/>
        <source>{name}, {count} items</source>
        <translation>{name}, {count} items</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="1"/>
        <source>Copies to recall</source>
        <translation>Copies to recall</translation>
    </message>
</context>
<context>
    <name>TableSync</name>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="123"/>
        <source>Add a segment after the current one. F8 or Ctrl+B instead inserts a boundary at the current playback time.</source>
        <translation>Add a segment after the current one. F8 or Ctrl+B instead inserts a boundary at the current playback time.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="128"/>
        <source>Click a start time to hear it. F8 or Ctrl+B inserts a segment boundary at the current playback time.</source>
        <translation>Click a start time to hear it. F8 or Ctrl+B inserts a segment boundary at the current playback time.</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="22"/>
        <source>Progress of background work</source>
        <translation>Progress of background work</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="23"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="24"/>
        <source>Cancel background work</source>
        <translation>Cancel background work</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="61"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>TokenList</name>
    <message>
        <location filename="../../memoria/ui/editors/token_list.py" line="42"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/token_list.py" line="44"/>
        <source>%1 chosen</source>
        <translation>%1 chosen</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/token_list.py" line="46"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <location filename="../../memoria/ui/tools.py" line="38"/>
        <source>&amp;Protected names...</source>
        <translation>&amp;Protected names...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="35"/>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="36"/>
        <source>&amp;Verify archive...</source>
        <translation>&amp;Verify archive...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="38"/>
        <source>&amp;Back up archive...</source>
        <translation>&amp;Back up archive...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="50"/>
        <source>Verifying originals</source>
        <translation>Verifying originals</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="52"/>
        <source>Verification failed</source>
        <translation>Verification failed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="58"/>
        <source>Verification cancelled: nothing was recorded.</source>
        <translation>Verification cancelled: nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="63"/>
        <source>Archive verified</source>
        <translation>Archive verified</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="64"/>
        <source>All {count} originals are intact and the catalogue is consistent.</source>
        <translation>All {count} originals are intact and the catalogue is consistent.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="68"/>
        <source>Changed: {path}</source>
        <translation>Changed: {path}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="69"/>
        <source>Missing: {path}</source>
        <translation>Missing: {path}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="70"/>
        <source>Not in the catalogue: {path}</source>
        <translation>Not in the catalogue: {path}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="71"/>
        <source>Catalogue: {problem}</source>
        <translation>Catalogue: {problem}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="73"/>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="74"/>
        <source>The verification found problems. Restore the affected files from a backup; the result is recorded in the archive&apos;s history.</source>
        <translation>The verification found problems. Restore the affected files from a backup; the result is recorded in the archive&apos;s history.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="82"/>
        <source>Back up the archive to</source>
        <translation>Back up the archive to</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="88"/>
        <source>Backing up</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="90"/>
        <source>Backup done: {copied} new originals copied, {skipped} already there.</source>
        <translation>Backup done: {copied} new originals copied, {skipped} already there.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="92"/>
        <source>Backup failed</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="102"/>
        <source>No full verification in the last {days} days: verify now</source>
        <translation>No full verification in the last {days} days: verify now</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="107"/>
        <source>Verify the archive now</source>
        <translation>Verify the archive now</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Reading-room &amp;edition...</source>
        <translation>Reading-room &amp;edition...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Researchers (reading room)</source>
        <translation>Researchers (reading room)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>The public</source>
        <translation>The public</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Reading-room edition</source>
        <translation>Reading-room edition</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>For whom is the edition?</source>
        <translation>For whom is the edition?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Write the edition to (empty folder, or an earlier edition to refresh)</source>
        <translation>Write the edition to (empty folder, or an earlier edition to refresh)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Edition written: {items} items, {removed} no longer in it.</source>
        <translation>Edition written: {items} items, {removed} no longer in it.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Writing the edition</source>
        <translation>Writing the edition</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Edition failed</source>
        <translation>Edition failed</translation>
    </message>
</context>
<context>
    <name>TranscriptList</name>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="70"/>
        <source>Transcript, following the recording</source>
        <translation>Transcript, following the recording</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="72"/>
        <source>Click a segment to go to that moment of the recording</source>
        <translation>Click a segment to go to that moment of the recording</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="1"/>
        <source>&amp;Play from here</source>
        <translation>&amp;Play from here</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="1"/>
        <source>Copy &amp;time-coded reference</source>
        <translation>Copy &amp;time-coded reference</translation>
    </message>
</context>
<context>
    <name>TranscriptTab</name>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="37"/>
        <source>Space plays or pauses (on the player) · F8 or Ctrl+B marks a segment boundary now · Ctrl+Left/Right: 10 s back/forward · Ctrl+[ / Ctrl+]: speed</source>
        <translation>Space plays or pauses (on the player) · F8 or Ctrl+B marks a segment boundary now · Ctrl+Left/Right: 10 s back/forward · Ctrl+[ / Ctrl+]: speed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Transcri&amp;be</source>
        <translation>Transcri&amp;be</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Draft a transcript from the recording on this computer (nothing leaves it); a person checks every segment</source>
        <translation>Draft a transcript from the recording on this computer (nothing leaves it); a person checks every segment</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Spanish</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Detect language</source>
        <translation>Detect language</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Loading the model…</source>
        <translation>Loading the model…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Transcribing</source>
        <translation>Transcribing</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Cancelling… finished parts are kept</source>
        <translation>Cancelling… finished parts are kept</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>%1 of %2 min</source>
        <translation>%1 of %2 min</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>about %1 min left</source>
        <translation>about %1 min left</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Draft ready: %1 automatic segments to check</source>
        <translation>Draft ready: %1 automatic segments to check</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Cancelled; Transcribe again resumes where it stopped</source>
        <translation>Cancelled; Transcribe again resumes where it stopped</translation>
    </message>
    <message>
        <source>Transcribe from</source>
        <translation>Transcribe from</translation>
    </message>
    <message>
        <source>Transcribe until</source>
        <translation>Transcribe until</translation>
    </message>
    <message>
        <source>h:mm:ss</source>
        <translation>h:mm:ss</translation>
    </message>
    <message>
        <source>Leave both empty to transcribe the whole recording; with two times, only that stretch is transcribed and only its draft is replaced</source>
        <translation>Leave both empty to transcribe the whole recording; with two times, only that stretch is transcribed and only its draft is replaced</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>Selected rows</translation>
    </message>
    <message>
        <source>Take the times of the selected segments as the stretch to transcribe again</source>
        <translation>Take the times of the selected segments as the stretch to transcribe again</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Paused; finished parts are kept</source>
        <translation>Paused; finished parts are kept</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time (use h:mm:ss).</source>
        <translation>&apos;%1&apos; is not a time (use h:mm:ss).</translation>
    </message>
    <message>
        <source>The stretch to transcribe ends before it starts.</source>
        <translation>The stretch to transcribe ends before it starts.</translation>
    </message>
    <message>
        <source>Click to jump to that moment; Shift+drag marks the stretch to transcribe</source>
        <translation>Click to jump to that moment; Shift+drag marks the stretch to transcribe</translation>
    </message>
</context>
<context>
    <name>TranscriptTable</name>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="35"/>
        <source>Transcript segments</source>
        <translation>Transcript segments</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="38"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="38"/>
        <source>Keywords</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="45"/>
        <source>&amp;Add segment</source>
        <translation>&amp;Add segment</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="46"/>
        <source>&amp;Remove segment</source>
        <translation>&amp;Remove segment</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="47"/>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="48"/>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="131"/>
        <source>Row %1: &apos;%2&apos; is not a time (use h:mm:ss).</source>
        <translation>Row %1: &apos;%2&apos; is not a time (use h:mm:ss).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Next unchecked</source>
        <translation>&amp;Next unchecked</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>Select the next automatic segment nobody has checked, and play it (Ctrl+J)</source>
        <translation>Select the next automatic segment nobody has checked, and play it (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>The selected automatic segment is right as it is (Ctrl+Enter); editing its text also makes it yours</source>
        <translation>The selected automatic segment is right as it is (Ctrl+Enter); editing its text also makes it yours</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>Automatic transcription, not checked yet (confidence %1%)</source>
        <translation>Automatic transcription, not checked yet (confidence %1%)</translation>
    </message>
    <message>
        <source>Same/other &amp;speaker</source>
        <translation>Same/other &amp;speaker</translation>
    </message>
    <message>
        <source>The selected segment&apos;s speaker: the same as the segment before; pressed again, the other speaker (Ctrl+K)</source>
        <translation>The selected segment&apos;s speaker: the same as the segment before; pressed again, the other speaker (Ctrl+K)</translation>
    </message>
    <message>
        <source>Italics: automatic, not checked yet.</source>
        <translation>Italics: automatic, not checked yet.</translation>
    </message>
    <message>
        <source>Marked words</source>
        <translation>Marked words</translation>
    </message>
    <message>
        <source>: the engine was unsure of them (below %1%); listen to them before confirming.</source>
        <translation>: the engine was unsure of them (below %1%); listen to them before confirming.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Play from here</source>
        <translation>&amp;Play from here</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Edit the text</source>
        <translation>&amp;Edit the text</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Mark as checked</source>
        <translation>&amp;Mark as checked</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>Copy &amp;time-coded reference</source>
        <translation>Copy &amp;time-coded reference</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../memoria/ui/media/waveform.py" line="57"/>
        <source>Waveform</source>
        <translation>Waveform</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/waveform.py" line="58"/>
        <source>Click to jump to that moment</source>
        <translation>Click to jump to that moment</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Copies to recall</source>
        <translation>Copies to recall</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>These copies left the archive before a withdrawal or an embargo. They still hold items their audience may no longer receive: ask for them back (or refresh the edition), then mark them as recalled.</source>
        <translation>These copies left the archive before a withdrawal or an embargo. They still hold items their audience may no longer receive: ask for them back (or refresh the edition), then mark them as recalled.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>&amp;Mark as recalled</source>
        <translation>&amp;Mark as recalled</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>No copy needs recalling.</source>
        <translation>No copy needs recalling.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Marking a copy as recalled</source>
        <translation>Marking a copy as recalled</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>%n item(s) marked as recalled.</source>
        <translation>
            <numerusform>%n item marked as recalled.</numerusform>
            <numerusform>%n items marked as recalled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../memoria/ui/session.py" line="1"/>
        <source>This reading-room edition is read-only.</source>
        <translation>This reading-room edition is read-only.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The window is locked to a visitor's view: nothing can be changed until a custodian unlocks it.</source>
        <translation>The window is locked to a visitor's view: nothing can be changed until a custodian unlocks it.</translation>
    </message>
</context>
<context>
    <name>ProtectionsDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Protected names</source>
        <translation>Protected names</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>These names and terms are replaced wherever they appear, in every item, caption and export outside the custodian view. Accents and ñ are ignored when matching.</source>
        <translation>These names and terms are replaced wherever they appear, in every item, caption and export outside the custodian view. Accents and ñ are ignored when matching.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Name or term</source>
        <translation>Name or term</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Replaced by</source>
        <translation>Replaced by</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Variants caught</source>
        <translation>Variants caught</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Select a person to see the variants.</source>
        <translation>Select a person to see the variants.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Another variant, e.g. a nickname</source>
        <translation>Another variant, e.g. a nickname</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Add variant</source>
        <translation>Add variant</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Confirm variants</source>
        <translation>Confirm variants</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Person or term</source>
        <translation>Person or term</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Replace with</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Protect person</source>
        <translation>Protect person</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Protect term</source>
        <translation>Protect term</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Remove protection</source>
        <translation>Remove protection</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>consent</source>
        <translation>consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>marked by a custodian</source>
        <translation>marked by a custodian</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>pseudonym on the record</source>
        <translation>pseudonym on the record</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Variants confirmed by a custodian:</source>
        <translation>Variants confirmed by a custodian:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Variants Memoria proposes (a given name alone only if you tick it):</source>
        <translation>Variants Memoria proposes (a given name alone only if you tick it):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>There is no person named “{name}”. Add the person first, or protect the name as a term.</source>
        <translation>There is no person named “{name}”. Add the person first, or protect the name as a term.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Saving protected names</source>
        <translation>Saving protected names</translation>
    </message>
</context>
<context>
    <name>SearchFeedback</name>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Remove the filters, or view as another audience, if you expected more.</source>
        <translation>Remove the filters, or view as another audience, if you expected more.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Alternatives with OR: &lt;code&gt;madres OR buscadoras&lt;/code&gt;; the exact phrase in quotes: &lt;code&gt;&quot;casa quemada&quot;&lt;/code&gt;; one field: &lt;code&gt;lugar:Medellín&lt;/code&gt;, &lt;code&gt;persona:&quot;Ana&quot;&lt;/code&gt;.</source>
        <translation>Alternatives with OR: &lt;code&gt;madres OR buscadoras&lt;/code&gt;; the exact phrase in quotes: &lt;code&gt;&quot;casa quemada&quot;&lt;/code&gt;; one field: &lt;code&gt;lugar:Medellín&lt;/code&gt;, &lt;code&gt;persona:&quot;Ana&quot;&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Try fewer words, or other spellings (accents and capitals do not matter).</source>
        <translation>Try fewer words, or other spellings (accents and capitals do not matter).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Nothing matched “{text}”.</source>
        <translation>Nothing matched “{text}”.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>No results</source>
        <translation>No results</translation>
    </message>
</context>
<context>
    <name>AudienceLock</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock to &amp;researcher view...</source>
        <translation>Lock to &amp;researcher view...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock to &amp;public view...</source>
        <translation>Lock to &amp;public view...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Show the archive to a visitor: nothing above this view can be reached until a custodian unlocks it</source>
        <translation>Show the archive to a visitor: nothing above this view can be reached until a custodian unlocks it</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Unlock the view...</source>
        <translation>&amp;Unlock the view...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock the view</source>
        <translation>Unlock the view</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The catalogue lost changes that had been saved: researcher and public views stay closed until a custodian has checked the consents.</source>
        <translation>The catalogue lost changes that had been saved: researcher and public views stay closed until a custodian has checked the consents.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock the view</source>
        <translation>Lock the view</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>An editor has changes that are not saved. Save or close it first.</source>
        <translation>An editor has changes that are not saved. Save or close it first.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Go back to the custodian's view? This archive has no accounts, so the lock protects against mistakes only, not against someone who wants to see more.</source>
        <translation>Go back to the custodian's view? This archive has no accounts, so the lock protects against mistakes only, not against someone who wants to see more.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>View locked: {audience} · Unlock...</source>
        <translation>View locked: {audience} · Unlock...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Going back to the custodian's view asks for a custodian</source>
        <translation>Going back to the custodian's view asks for a custodian</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Hide the archive and forget its key until a passphrase is given again (Ctrl+L)</source>
        <translation>Hide the archive and forget its key until a passphrase is given again (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>{name} is locked</source>
        <translation>{name} is locked</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Locked after {minutes} minutes without use.</source>
        <translation>Locked after {minutes} minutes without use.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Locked.</source>
        <translation>Locked.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The key is forgotten until an account's passphrase is given again; background work waits.</source>
        <translation>The key is forgotten until an account's passphrase is given again; background work waits.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock...</source>
        <translation>Unlock...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This archive has no accounts: the lock only hides it from view.</source>
        <translation>This archive has no accounts: the lock only hides it from view.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Pausing background work…</source>
        <translation>Pausing background work…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock the archive</source>
        <translation>Unlock the archive</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Open the archive</source>
        <translation>Open the archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>A custodian's account and passphrase unlock the view.</source>
        <translation>A custodian's account and passphrase unlock the view.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>“{name}” is encrypted. Enter your account and passphrase to open it.</source>
        <translation>“{name}” is encrypted. Enter your account and passphrase to open it.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>“{name}” has accounts. Enter your account and passphrase to open it.</source>
        <translation>“{name}” has accounts. Enter your account and passphrase to open it.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Recovery key:</source>
        <translation>&amp;Recovery key:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Checking the passphrase</source>
        <translation>Checking the passphrase</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Every passphrase lost? Use the recovery key</source>
        <translation>Every passphrase lost? Use the recovery key</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Use an account and passphrase</source>
        <translation>Use an account and passphrase</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Write the account's name and its passphrase.</source>
        <translation>Write the account's name and its passphrase.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>“{account}” is a curator's account: only a custodian can unlock the view.</source>
        <translation>“{account}” is a curator's account: only a custodian can unlock the view.</translation>
    </message>
</context>
<context>
    <name>ArchiveKind</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Kind of archive</source>
        <translation>Kind of archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Encrypted archive</source>
        <translation>Encrypted archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unencrypted archive</source>
        <translation>Unencrypted archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>{kind} · account: {account} ({role})</source>
        <translation>{kind} · account: {account} ({role})</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Encrypted: the catalogue, files and index are unreadable without a passphrase or the recovery key.</source>
        <translation>Encrypted: the catalogue, files and index are unreadable without a passphrase or the recovery key.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Not encrypted: anyone with the folder can read it; accounts here protect against mistakes only.</source>
        <translation>Not encrypted: anyone with the folder can read it; accounts here protect against mistakes only.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Opened with the recovery key: give your account a new passphrase in File &gt; Accounts.</source>
        <translation>Opened with the recovery key: give your account a new passphrase in File &gt; Accounts.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>the recovery key</source>
        <translation>the recovery key</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account name</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Custodian (everything, consent and accounts included)</source>
        <translation>Custodian (everything, consent and accounts included)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Curator (describes items and builds exhibits)</source>
        <translation>Curator (describes items and builds exhibits)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New passphrase again</source>
        <translation>New passphrase again</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account &amp;name:</source>
        <translation>Account &amp;name:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Current passphrase:</source>
        <translation>&amp;Current passphrase:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Again:</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>At least {n} characters; a few words you can remember are best. Nobody can recover it for you.</source>
        <translation>At least {n} characters; a few words you can remember are best. Nobody can recover it for you.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Write a name for the account.</source>
        <translation>Write a name for the account.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Write the current passphrase.</source>
        <translation>Write the current passphrase.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>The passphrase needs at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The two passphrases are not the same.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Add...</source>
        <translation>&amp;Add...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Reset passphrase...</source>
        <translation>&amp;Reset passphrase...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Re&amp;move...</source>
        <translation>Re&amp;move...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Change my passphrase...</source>
        <translation>&amp;Change my passphrase...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This archive has no accounts yet. The first account is a custodian's; from then on opening the archive asks for an account and its passphrase. The archive stays unencrypted: accounts protect against mistakes only.</source>
        <translation>This archive has no accounts yet. The first account is a custodian's; from then on opening the archive asks for an account and its passphrase. The archive stays unencrypted: accounts protect against mistakes only.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Each account's passphrase opens the archive's key. Removing an account removes its key slot; nothing is re-encrypted.</source>
        <translation>Each account's passphrase opens the archive's key. Removing an account removes its key slot; nothing is re-encrypted.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This archive is not encrypted: accounts say who made each change and keep curators from custodian work, but protect against mistakes only.</source>
        <translation>This archive is not encrypted: accounts say who made each change and keep curators from custodian work, but protect against mistakes only.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Create the first account...</source>
        <translation>&amp;Create the first account...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account “{name}” created: from now on it opens the archive.</source>
        <translation>Account “{name}” created: from now on it opens the archive.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account “{name}” added.</source>
        <translation>Account “{name}” added.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New passphrase for “{name}”</source>
        <translation>New passphrase for “{name}”</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The passphrase of “{name}” was reset.</source>
        <translation>The passphrase of “{name}” was reset.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Remove account</source>
        <translation>Remove account</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Remove the account “{name}”? Its passphrase will no longer open the archive. Copies of the archive made before keep its old key slot.</source>
        <translation>Remove the account “{name}”? Its passphrase will no longer open the archive. Copies of the archive made before keep its old key slot.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account “{name}” removed.</source>
        <translation>Account “{name}” removed.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>My passphrase</source>
        <translation>My passphrase</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Your passphrase was changed.</source>
        <translation>Your passphrase was changed.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>A&amp;ccounts...</source>
        <translation>A&amp;ccounts...</translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New Memoria archive</source>
        <translation>New Memoria archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Folder of the new archive</source>
        <translation>Folder of the new archive</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>C&amp;hoose...</source>
        <translation>C&amp;hoose...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Encrypt the archive (recommended)</source>
        <translation>&amp;Encrypt the archive (recommended)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&lt;b&gt;The first custodian&lt;/b&gt;</source>
        <translation>&lt;b&gt;The first custodian&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New archive folder</source>
        <translation>New archive folder</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The catalogue, the files and the search index are unreadable without a passphrase. You will get a recovery key to print and keep apart.</source>
        <translation>The catalogue, the files and the search index are unreadable without a passphrase. You will get a recovery key to print and keep apart.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Without encryption, anyone with this laptop, the folder or a copy reads everything. Choose it only if the disk itself is encrypted.</source>
        <translation>Without encryption, anyone with this laptop, the folder or a copy reads everything. Choose it only if the disk itself is encrypted.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Choose a folder for the new archive.</source>
        <translation>Choose a folder for the new archive.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&lt;b&gt;The recovery key of “{name}”&lt;/b&gt;</source>
        <translation>&lt;b&gt;The recovery key of “{name}”&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>It opens the archive when every passphrase is lost, and whoever has it and the folder can read everything. It is shown only this once: print it or write it down, and keep the sheet apart from this laptop (in the museum's safe, never in the laptop's bag). A PDF saved on this laptop defeats the purpose.</source>
        <translation>It opens the archive when every passphrase is lost, and whoever has it and the folder can read everything. It is shown only this once: print it or write it down, and keep the sheet apart from this laptop (in the museum's safe, never in the laptop's bag). A PDF saved on this laptop defeats the purpose.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Print...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Save as P&amp;DF...</source>
        <translation>Save as P&amp;DF...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>I have kept the recovery key apart from this laptop</source>
        <translation>I have kept the recovery key apart from this laptop</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Memoria — recovery key</source>
        <translation>Memoria — recovery key</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Archive: {name} · created {date}</source>
        <translation>Archive: {name} · created {date}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This key opens the archive when every passphrase is lost. Whoever has it and a copy of the archive can read everything. Keep this sheet locked away, apart from the laptop and from the backup drives.</source>
        <translation>This key opens the archive when every passphrase is lost. Whoever has it and a copy of the archive can read everything. Keep this sheet locked away, apart from the laptop and from the backup drives.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Save the recovery key as PDF</source>
        <translation>Save the recovery key as PDF</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="57"/>
        <source>Purge on request</source>
        <translation>Purge on request</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="61"/>
        <source>Forget {name} and everything about them.</source>
        <translation>Forget {name} and everything about them.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="64"/>
        <source>Forget these items.</source>
        <translation>Forget these items.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="65"/>
        <source>Nothing is removed now: the request waits for a second custodian or for the waiting period, and can be cancelled until then.</source>
        <translation>Nothing is removed now: the request waits for a second custodian or for the waiting period, and can be cancelled until then.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="70"/>
        <source>{items} items, {consents} consent records ({forms} signed forms) and {files} files will be removed; {unlinked} items keep their place without this person, whose name in them becomes a redaction.</source>
        <translation>{items} items, {consents} consent records ({forms} signed forms) and {files} files will be removed; {unlinked} items keep their place without this person, whose name in them becomes a redaction.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="78"/>
        <source>Items that go</source>
        <translation>Items that go</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="82"/>
        <source>Items shared with other people</source>
        <translation>Items shared with other people</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="89"/>
        <source>Shared with other people (a group photograph): tick those to purge too; the others are kept without this person.</source>
        <translation>Shared with other people (a group photograph): tick those to purge too; the others are kept without this person.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="97"/>
        <source>{kind} at {dest} ({date})</source>
        <translation>{kind} at {dest} ({date})</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="100"/>
        <source>backup at {dest} ({date}): its older generations would restore it</source>
        <translation>backup at {dest} ({date}): its older generations would restore it</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="103"/>
        <source>Copies outside the archive to recall</source>
        <translation>Copies outside the archive to recall</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="106"/>
        <source>It can be carried out in {days} days, or sooner when another custodian confirms it with their own account.</source>
        <translation>It can be carried out in {days} days, or sooner when another custodian confirms it with their own account.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="109"/>
        <source>It can be carried out in {days} days (this archive has no accounts, so no second custodian can shorten the wait).</source>
        <translation>It can be carried out in {days} days (this archive has no accounts, so no second custodian can shorten the wait).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="117"/>
        <source>Ley 1581 de 2012, art. 8</source>
        <translation>Ley 1581 de 2012, art. 8</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="119"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="120"/>
        <source>Legal &amp;basis:</source>
        <translation>Legal &amp;basis:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="121"/>
        <source>Request &amp;reference:</source>
        <translation>Request &amp;reference:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="127"/>
        <source>Request &amp;purge</source>
        <translation>Request &amp;purge</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="162"/>
        <source>Recording the purge request</source>
        <translation>Recording the purge request</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n consent record(s)</source>
        <translation>
            <numerusform>%n consent record</numerusform>
            <numerusform>%n consent records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>(%n signed form(s))</source>
        <translation>
            <numerusform>(%n signed form)</numerusform>
            <numerusform>(%n signed forms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n item(s) keep their place without this person, whose name in them becomes a redaction.</source>
        <translation>
            <numerusform>%n item keeps its place without this person, whose name in it becomes a redaction.</numerusform>
            <numerusform>%n items keep their place without this person, whose name in them becomes a redaction.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>To be removed: {parts}.</source>
        <translation>To be removed: {parts}.</translation>
    </message>
</context>
<context>
    <name>PendingPurgesDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="176"/>
        <source>Pending purges</source>
        <translation>Pending purges</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="180"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="180"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="180"/>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="181"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="188"/>
        <source>Carry &amp;out</source>
        <translation>Carry &amp;out</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="189"/>
        <source>Cancel &amp;request</source>
        <translation>Cancel &amp;request</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="203"/>
        <source>a person and their records</source>
        <translation>a person and their records</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="205"/>
        <source>{n} items</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="230"/>
        <source>Purging</source>
        <translation>Purging</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="240"/>
        <source>The request was cancelled; nothing was removed.</source>
        <translation>The request was cancelled; nothing was removed.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="244"/>
        <source>Carried out; the tombstone is in the audit log.</source>
        <translation>Carried out; the tombstone is in the audit log.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="246"/>
        <source>Its disk part finishes when the archive is next opened.</source>
        <translation>Its disk part finishes when the archive is next opened.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="248"/>
        <source>Recall the copy at {dest}.</source>
        <translation>Recall the copy at {dest}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="250"/>
        <source>The backup at {dest} may still hold it.</source>
        <translation>The backup at {dest} may still hold it.</translation>
    </message>
</context>
<context>
    <name>Purge</name>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="264"/>
        <source>Purge &amp;item...</source>
        <translation>Purge &amp;item...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="265"/>
        <source>Purge a &amp;person...</source>
        <translation>Purge a &amp;person...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="266"/>
        <source>Pending pur&amp;ges...</source>
        <translation>Pending pur&amp;ges...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="305"/>
        <source>Purge a person</source>
        <translation>Purge a person</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="306"/>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>&amp;Rotate the archive key...</source>
        <translation>&amp;Rotate the archive key...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Rotate the archive key</source>
        <translation>Rotate the archive key</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>These accounts will stop opening the archive and must be added again with new passphrases: {names}.</source>
        <translation>These accounts will stop opening the archive and must be added again with new passphrases: {names}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>No other account has to be added again.</source>
        <translation>No other account has to be added again.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Every file of the archive and its catalogue will be re-encrypted under a new key. This can take a while; if it is interrupted, running it again continues.</source>
        <translation>Every file of the archive and its catalogue will be re-encrypted under a new key. This can take a while; if it is interrupted, running it again continues.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Backups made before stay under the old key: make a new backup afterwards.</source>
        <translation>Backups made before stay under the old key: make a new backup afterwards.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>A new recovery key will be shown once: the old one stops working.</source>
        <translation>A new recovery key will be shown once: the old one stops working.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Your &amp;passphrase ({account}):</source>
        <translation>Your &amp;passphrase ({account}):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>&amp;Rotate the key</source>
        <translation>&amp;Rotate the key</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Rotating the key...</source>
        <translation>Rotating the key...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Rotating the key: {count} files re-encrypted...</source>
        <translation>Rotating the key: {count} files re-encrypted...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>The key was rotated.</source>
        <translation>The key was rotated.</translation>
    </message>
</context>
<context>
    <name>SearchSyntax</name>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Both words, anywhere in the item: title, description, transcript, people, places, subjects.</source>
        <translation>Both words, anywhere in the item: title, description, transcript, people, places, subjects.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>The exact phrase.</source>
        <translation>The exact phrase.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Either word (OR in capitals).</source>
        <translation>Either word (OR in capitals).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Without that word.</source>
        <translation>Without that word.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Words that start like that (at least two letters before *).</source>
        <translation>Words that start like that (at least two letters before *).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Also with a spelling mistake of one letter.</source>
        <translation>Also with a spelling mistake of one letter.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Only in one field: titulo / title, persona / person, lugar / place, tema / subject, texto / text, descripcion / description.</source>
        <translation>Only in one field: titulo / title, persona / person, lugar / place, tema / subject, texto / text, descripcion / description.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Kind (testimonio, fotografia, audio) and language.</source>
        <translation>Kind (testimonio, fotografia, audio) and language.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Dates: a year, a range of years, a month (year: and date: in English).</source>
        <translation>Dates: a year, a range of years, a month (year: and date: in English).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Accents and capitals do not matter: Medellin finds Medellín. The ñ does: año is not ano, and ninos also searches niños.</source>
        <translation>Accents and capitals do not matter: Medellin finds Medellín. The ñ does: año is not ano, and ninos also searches niños.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>How to search</source>
        <translation>How to search</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>The search runs by itself as you type; Enter runs it at once.</source>
        <translation>The search runs by itself as you type; Enter runs it at once.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Search syntax</source>
        <translation>Search syntax</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>How to search: phrases, OR, exclusions, fields, dates</source>
        <translation>How to search: phrases, OR, exclusions, fields, dates</translation>
    </message>
    <message>
        <source>More in the user guide (F1)</source>
        <translation>More in the user guide (F1)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>&amp;Search syntax</source>
        <translation>&amp;Search syntax</translation>
    </message>
</context>
<context>
    <name>PhotoWindow</name>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Photograph viewer</source>
        <translation>Photograph viewer</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Previous photograph (Left, Page Up)</source>
        <translation>Previous photograph (Left, Page Up)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Next photograph (Right, Page Down)</source>
        <translation>Next photograph (Right, Page Down)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Zoom out (Ctrl+minus, wheel)</source>
        <translation>Zoom out (Ctrl+minus, wheel)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Zoom in (Ctrl+plus, wheel)</source>
        <translation>Zoom in (Ctrl+plus, wheel)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Fit to the window (Ctrl+0)</source>
        <translation>Fit to the window (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Rotate the view 90° (R); the file is not changed</source>
        <translation>Rotate the view 90° (R); the file is not changed</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Full screen (F11)</source>
        <translation>Full screen (F11)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>This photograph is shown only with faces blurred, and no regions have been marked yet.</source>
        <translation>This photograph is shown only with faces blurred, and no regions have been marked yet.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>{title} — Memoria</source>
        <translation>{title} — Memoria</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>This photograph could not be shown: {error}</source>
        <translation>This photograph could not be shown: {error}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>{n} of {total}</source>
        <translation>{n} of {total}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>faces blurred</source>
        <translation>faces blurred</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>This item has no photograph to show.</source>
        <translation>This item has no photograph to show.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>View &amp;photograph</source>
        <translation>View &amp;photograph</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>edit «{title}»</source>
        <translation>edit «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>add a section to «{title}»</source>
        <translation>add a section to «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>rename a section of «{title}»</source>
        <translation>rename a section of «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>move a section of «{title}»</source>
        <translation>move a section of «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>remove a section from «{title}»</source>
        <translation>remove a section from «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>add to «{title}»</source>
        <translation>add to «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>change an entry of «{title}»</source>
        <translation>change an entry of «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>move an entry of «{title}»</source>
        <translation>move an entry of «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>remove an entry from «{title}»</source>
        <translation>remove an entry from «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>change «{title}»</source>
        <translation>change «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>Undoing</source>
        <translation>Undoing</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>Redoing</source>
        <translation>Redoing</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Undo: {what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Redo: {what}</source>
        <translation>&amp;Redo: {what}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>edit %n item(s)</source>
        <translation>
            <numerusform>edit %n item</numerusform>
            <numerusform>edit %n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>change the texts of «{title}»</source>
        <translation>change the texts of «{title}»</translation>
    </message>
</context>
<context>
    <name>BatchConsentDialog</name>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Consent for %n item(s)</source>
        <translation>
            <numerusform>Consent for %n item</numerusform>
            <numerusform>Consent for %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) selected: %1</source>
        <translation>
            <numerusform>%n item selected: %1</numerusform>
            <numerusform>%n items selected: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Read only: only custodians can record or change consent.</source>
        <translation>Read only: only custodians can record or change consent.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>The &amp;narrators and depicted people of each item</source>
        <translation>The &amp;narrators and depicted people of each item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>One &amp;person for every item:</source>
        <translation>One &amp;person for every item:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Whose consent</source>
        <translation>Whose consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Whose consent:</source>
        <translation>Whose consent:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>What will change, item by item</source>
        <translation>What will change, item by item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Nobody to record</source>
        <translation>Nobody to record</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>No narrator or depicted person, so left out unless you choose one person above: %1.</source>
        <translation>No narrator or depicted person, so left out unless you choose one person above: %1.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Reopen?</source>
        <translation>Reopen?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>What will change</source>
        <translation>What will change</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&lt;b&gt;What will change&lt;/b&gt;</source>
        <translation>&lt;b&gt;What will change&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Record consent</source>
        <translation>&amp;Record consent</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) change consent state.</source>
        <translation>
            <numerusform>%n item changes consent state.</numerusform>
            <numerusform>%n items change consent state.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) had consent withdrawn: left out unless you tick “Reopen” for each one.</source>
        <translation>
            <numerusform>%n item had consent withdrawn: left out unless you tick “Reopen” for it.</numerusform>
            <numerusform>%n items had consent withdrawn: left out unless you tick “Reopen” for each one.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Left out: %1.</source>
        <translation>Left out: %1.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Recording consent...</source>
        <translation>Recording consent...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Recording consent</source>
        <translation>Recording consent</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n consent record(s) saved.</source>
        <translation>
            <numerusform>%n consent record saved.</numerusform>
            <numerusform>%n consent records saved.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Nothing was recorded: %1</source>
        <translation>Nothing was recorded: %1</translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Edit %n item(s)</source>
        <translation>
            <numerusform>Edit %n item</numerusform>
            <numerusform>Edit %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) selected: %1</source>
        <translation>
            <numerusform>%n item selected: %1</numerusform>
            <numerusform>%n items selected: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Only custodians edit items. Switch to the custodian view to edit the selection.</source>
        <translation>Only custodians edit items. Switch to the custodian view to edit the selection.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Subject to add</source>
        <translation>Subject to add</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Subject to remove</source>
        <translation>Subject to remove</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Place to add</source>
        <translation>Place to add</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Choose a place, or type a new one: Colombia &gt; Antioquia &gt; Medellín</source>
        <translation>Choose a place, or type a new one: Colombia &gt; Antioquia &gt; Medellín</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Place to remove</source>
        <translation>Place to remove</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>People to add, with their roles</source>
        <translation>People to add, with their roles</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>People to remove, with their roles</source>
        <translation>People to remove, with their roles</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Replace the &amp;date with:</source>
        <translation>Replace the &amp;date with:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Replace the &amp;languages with:</source>
        <translation>Replace the &amp;languages with:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Language codes, e.g. es, en</source>
        <translation>Language codes, e.g. es, en</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Internal notes</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>A&amp;ppend to each item's notes</source>
        <translation>A&amp;ppend to each item's notes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Rep&amp;lace each item's notes</source>
        <translation>Rep&amp;lace each item's notes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Add to every item</source>
        <translation>Add to every item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Remove from every item</source>
        <translation>Remove from every item</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Subjects:</source>
        <translation>&amp;Subjects:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Places:</source>
        <translation>&amp;Places:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Pe&amp;ople:</source>
        <translation>Pe&amp;ople:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Notes (internal):</source>
        <translation>&amp;Notes (internal):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>What will change</source>
        <translation>What will change</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Apply to %n item(s)</source>
        <translation>
            <numerusform>&amp;Apply to %n item</numerusform>
            <numerusform>&amp;Apply to %n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Subjects</source>
        <translation>Subjects</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>The date cannot be read; see the hint beside it.</source>
        <translation>The date cannot be read; see the hint beside it.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Add, remove or replace something above to see what will change.</source>
        <translation>Add, remove or replace something above to see what will change.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%1: %2 to change, %3 already so</source>
        <translation>%1: %2 to change, %3 already so</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) will change.</source>
        <translation>
            <numerusform>%n item will change.</numerusform>
            <numerusform>%n items will change.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Applying...</source>
        <translation>Applying...</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Editing %n item(s)</source>
        <translation>
            <numerusform>Editing %n item</numerusform>
            <numerusform>Editing %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) changed.</source>
        <translation>
            <numerusform>%n item changed.</numerusform>
            <numerusform>%n items changed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Nothing was changed: %1</source>
        <translation>Nothing was changed: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Open in the item editor with changes not saved: %1. Save or close it first.</source>
        <translation>Open in the item editor with changes not saved: %1. Save or close it first.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Edit &amp;selection...</source>
        <translation>Edit &amp;selection...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Consent for the selec&amp;tion...</source>
        <translation>Consent for the selec&amp;tion...</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Getting started</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>Custodian: import, describe, keep</source>
        <translation>Custodian: import, describe, keep</translation>
    </message>
    <message>
        <source>Curator: exhibits</source>
        <translation>Curator: exhibits</translation>
    </message>
    <message>
        <source>Researcher: search</source>
        <translation>Researcher: search</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>Search syntax</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Memoria — Help</source>
        <translation>Memoria — Help</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>Help pages</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HelpPages</name>
    <message>
        <source>Elsewhere in the window</source>
        <translation>Elsewhere in the window</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Every shortcut of this window, as its menus have them now.</source>
        <translation>Every shortcut of this window, as its menus have them now.</translation>
    </message>
</context>
<context>
    <name>EmptyArchive</name>
    <message>
        <source>This archive has no items yet</source>
        <translation>This archive has no items yet</translation>
    </message>
    <message>
        <source>Start by importing photographs, recordings or a spreadsheet of descriptions, or create an item by hand. To see how Memoria works first, open the demo archive: fictional material, in every consent state, kept apart from this archive.</source>
        <translation>Start by importing photographs, recordings or a spreadsheet of descriptions, or create an item by hand. To see how Memoria works first, open the demo archive: fictional material, in every consent state, kept apart from this archive.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>Create an item</source>
        <translation>Create an item</translation>
    </message>
    <message>
        <source>Open the demo archive</source>
        <translation>Open the demo archive</translation>
    </message>
    <message>
        <source>Preparing the demo archive…</source>
        <translation>Preparing the demo archive…</translation>
    </message>
    <message>
        <source>Preparing the demo archive</source>
        <translation>Preparing the demo archive</translation>
    </message>
    <message>
        <source>The demo archive could not be made: {reason}</source>
        <translation>The demo archive could not be made: {reason}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>TrashController</name>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Move to &amp;trash</source>
        <translation>Move to &amp;trash</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Restore from trash</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>E&amp;mpty trash...</source>
        <translation>E&amp;mpty trash...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Move to trash</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Moving to the trash</source>
        <translation>Moving to the trash</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Move %n item(s) to the trash?</source>
        <translation>
            <numerusform>Move %n item to the trash?</numerusform>
            <numerusform>Move %n items to the trash?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>They leave every list, search, export and exhibit at once. You can restore them from the Trash until it is emptied.</source>
        <translation>They leave every list, search, export and exhibit at once. You can restore them from the Trash until it is emptied.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>%n item(s) moved to the trash.</source>
        <translation>
            <numerusform>%n item moved to the trash.</numerusform>
            <numerusform>%n items moved to the trash.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Restoring from the trash</source>
        <translation>Restoring from the trash</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>%n item(s) restored from the trash.</source>
        <translation>
            <numerusform>%n item restored from the trash.</numerusform>
            <numerusform>%n items restored from the trash.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>This cannot be undone in the archive.</source>
        <translation>This cannot be undone in the archive.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Empty trash</source>
        <translation>Empty trash</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Emptying the trash</source>
        <translation>Emptying the trash</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="1"/>
        <source>Trash</source>
        <translation>Trash</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>In the trash: nobody else sees it. Restore it to edit it or to show it again.</source>
        <translation>In the trash: nobody else sees it. Restore it to edit it or to show it again.</translation>
    </message>
</context>
<context>
    <name>ContextMenus</name>
    <message>
        <location filename="../../memoria/ui/context_menus.py" line="1"/>
        <source>Copy &amp;reference</source>
        <translation>Copy &amp;reference</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/context_menus.py" line="1"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
</context>
<context>
    <name>ExhibitPlacement</name>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Add to e&amp;xhibit</source>
        <translation>Add to e&amp;xhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Place the selected items at the end of an exhibit</source>
        <translation>Place the selected items at the end of an exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>(no exhibits yet)</source>
        <translation>(no exhibits yet)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Add to exhibit</source>
        <translation>Add to exhibit</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Placing items in the exhibit</source>
        <translation>Placing items in the exhibit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>%n item(s) added to «{title}».</source>
        <translation>
            <numerusform>%n item added to «{title}».</numerusform>
            <numerusform>%n items added to «{title}».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>The exhibit&apos;s consent check blocks %n of them for now (they stay in the exhibit, marked, and are left out of anything exported):</source>
        <translation>
            <numerusform>The exhibit&apos;s consent check blocks %n of them for now (it stays in the exhibit, marked, and is left out of anything exported):</numerusform>
            <numerusform>The exhibit&apos;s consent check blocks %n of them for now (they stay in the exhibit, marked, and are left out of anything exported):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Already in the exhibit, left where they are: {items}.</source>
        <translation>Already in the exhibit, left where they are: {items}.</translation>
    </message>
</context>
<context>
    <name>TranscriptionQueue</name>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Tra&amp;nscribe</source>
        <translation>Tra&amp;nscribe</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Draft transcripts of the selected testimonies and recordings on this computer, one after another (nothing leaves it)</source>
        <translation>Draft transcripts of the selected testimonies and recordings on this computer, one after another (nothing leaves it)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Transcription progress</source>
        <translation>Transcription progress</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Without a recording, skipped: {items}.</source>
        <translation>Without a recording, skipped: {items}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Cancelling… finished parts are kept</source>
        <translation>Cancelling… finished parts are kept</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>loading the model…</source>
        <translation>loading the model…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Transcribing {n} of {total}: {title}</source>
        <translation>Transcribing {n} of {total}: {title}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>{done} of {total} min</source>
        <translation>{done} of {total} min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Cancelled; %n item(s) left. Resume continues where it stopped.</source>
        <translation>
            <numerusform>Cancelled; %n item left. Resume continues where it stopped.</numerusform>
            <numerusform>Cancelled; %n items left. Resume continues where it stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>%n item(s) transcribed; drafts are ready to check.</source>
        <translation>
            <numerusform>%n item transcribed; its draft is ready to check.</numerusform>
            <numerusform>%n items transcribed; drafts are ready to check.</numerusform>
        </translation>
    </message>
</context>
</TS>
