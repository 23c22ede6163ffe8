<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../memoria/ui/app.py" line="43"/>
        <source>No archive here</source>
        <translation>Aquí no hay un archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="45"/>
        <source>There is no Memoria archive in {path}.</source>
        <translation>No hay un archivo de Memoria en {path}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="50"/>
        <source>Create a new, empty archive there, or choose the folder of an existing one?</source>
        <translation>¿Crear allí un archivo nuevo y vacío, o elegir la carpeta de uno existente?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="56"/>
        <source>Create archive</source>
        <translation>Crear archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="60"/>
        <source>Choose folder...</source>
        <translation>Elegir carpeta...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="72"/>
        <location filename="../../memoria/ui/app.py" line="96"/>
        <source>Cannot create the archive</source>
        <translation>No se pudo crear el archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="80"/>
        <source>Choose an archive folder</source>
        <translation>Elegir la carpeta de un archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="107"/>
        <source>Another Memoria program is using this archive. Close it and try again.</source>
        <translation>Otro programa de Memoria está usando este archivo. Ciérrelo e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="111"/>
        <source>Archive in use</source>
        <translation>Archivo en uso</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/app.py" line="116"/>
        <source>Cannot open the archive</source>
        <translation>No se pudo abrir el archivo</translation>
    </message>
</context>
<context>
    <name>AudienceBanner</name>
    <message>
        <location filename="../../memoria/ui/widgets/audience.py" line="48"/>
        <source>Current audience</source>
        <translation>Público actual</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/audience.py" line="52"/>
        <source>Viewing as: {audience}</source>
        <translation>Viendo como: {audience}</translation>
    </message>
</context>
<context>
    <name>AudienceSelector</name>
    <message>
        <location filename="../../memoria/ui/widgets/audience.py" line="31"/>
        <source>View as</source>
        <translation>Ver como</translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="78"/>
        <source>Audio player</source>
        <translation>Reproductor de audio</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="90"/>
        <source>Play or pause</source>
        <translation>Reproducir o pausar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="91"/>
        <source>Play or pause (Space)</source>
        <translation>Reproducir o pausar (Espacio)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="94"/>
        <source>Back 10 seconds</source>
        <translation>Retroceder 10 segundos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="95"/>
        <source>Back 10 seconds (Ctrl+Left)</source>
        <translation>Retroceder 10 segundos (Ctrl+Izquierda)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="98"/>
        <source>Forward 10 seconds</source>
        <translation>Avanzar 10 segundos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="99"/>
        <source>Forward 10 seconds (Ctrl+Right)</source>
        <translation>Avanzar 10 segundos (Ctrl+Derecha)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="101"/>
        <source>Playback position</source>
        <translation>Posición de reproducción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="104"/>
        <source>Position and duration</source>
        <translation>Posición y duración</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="106"/>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="107"/>
        <source>Playback speed (Ctrl+[ slower, Ctrl+] faster)</source>
        <translation>Velocidad de reproducción (Ctrl+[ más lenta, Ctrl+] más rápida)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="113"/>
        <source>Playback availability</source>
        <translation>Disponibilidad de la reproducción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="144"/>
        <source>Playback is unavailable: this computer has no audio output device.</source>
        <translation>No se puede reproducir: este equipo no tiene salida de audio.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="150"/>
        <source>Playback is unavailable: Qt Multimedia is not installed.</source>
        <translation>No se puede reproducir: Qt Multimedia no está instalado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="161"/>
        <source>Playback is unavailable: %1</source>
        <translation>No se puede reproducir: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/player.py" line="162"/>
        <source>the recording could not be played.</source>
        <translation>la grabación no se pudo reproducir.</translation>
    </message>
</context>
<context>
    <name>BlurEditor</name>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="82"/>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Acercar (+, Ctrl+rueda)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="83"/>
        <source>Zoom out (-, Ctrl+wheel)</source>
        <translation>Alejar (-, Ctrl+rueda)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="84"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="84"/>
        <source>Fit to window (F)</source>
        <translation>Ajustar a la ventana (F)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="85"/>
        <source>Actual size (1)</source>
        <translation>Tamaño real (1)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="86"/>
        <source>Rotate the view 90° (R); the file is not changed</source>
        <translation>Girar la vista 90° (R); la foto original no cambia</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="97"/>
        <source>Mark region to blur</source>
        <translation>Marcar zona para difuminar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="98"/>
        <source>Drag a rectangle over a face or a name to blur it</source>
        <translation>Arrastre un rectángulo sobre un rostro o un nombre para difuminarlo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="101"/>
        <source>Preview blurred</source>
        <translation>Ver difuminada</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="103"/>
        <source>Show a blurred copy as it will leave the archive (the original is untouched)</source>
        <translation>Mostrar una copia difuminada tal como saldrá del archivo (el original no se toca)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="108"/>
        <source>Regions to blur</source>
        <translation>Zonas para difuminar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="110"/>
        <source>&amp;Delete region</source>
        <translation>&amp;Eliminar zona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="154"/>
        <source>This photograph is shown only with faces blurred, and no regions have been marked yet.</source>
        <translation>Esta fotografía solo se muestra con los rostros difuminados, y aún no se han marcado las zonas.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="171"/>
        <source>Opening the photograph…</source>
        <translation>Abriendo la fotografía…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="178"/>
        <source>This photograph could not be shown: %1</source>
        <translation>No se pudo mostrar esta fotografía: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="190"/>
        <source>Region %1: %2% × %3% at %4%, %5%</source>
        <translation>Zona %1: %2 % × %3 % en %4 %, %5 %</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="222"/>
        <source>Saving blur regions</source>
        <translation>Guardando las zonas difuminadas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="237"/>
        <source>Blurring a copy…</source>
        <translation>Difuminando una copia…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/blur_editor.py" line="248"/>
        <source>The blurred copy could not be made: %1</source>
        <translation>No se pudo hacer la copia difuminada: %1</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="69"/>
        <source>Consent check summary</source>
        <translation>Resumen de la revisión de consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="71"/>
        <source>Entries that cannot go out</source>
        <translation>Entradas que no pueden salir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="84"/>
        <source>Checking consent for {scope}…</source>
        <translation>Revisando el consentimiento para {scope}…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="89"/>
        <source>Checking consent</source>
        <translation>Revisando el consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="96"/>
        <source>The check failed: {message}</source>
        <translation>La revisión falló: {message}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="104"/>
        <source>No entries yet: drag items here from the list.</source>
        <translation>Todavía no hay entradas: arrastre elementos aquí desde la lista.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="106"/>
        <source>{blocked} of {total} entries cannot go out as {scope}; they will be left out of the export, the preview and the catalogue.</source>
        <translation>{blocked} de {total} entradas no pueden salir para {scope}; quedarán fuera de la exportación, la vista previa y el catálogo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="110"/>
        <source>All {total} entries may go out as {scope}.</source>
        <translation>Las {total} entradas pueden salir para {scope}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/check_panel.py" line="116"/>
        <source>Blocked · {accession}: {reason}</source>
        <translation>Bloqueada · {accession}: {reason}</translation>
    </message>
</context>
<context>
    <name>ConsentBadge</name>
    <message>
        <location filename="../../memoria/ui/widgets/consent_badge.py" line="89"/>
        <source>Consent status</source>
        <translation>Estado del consentimiento</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Embargo reviewed</source>
        <translation>Embargo revisado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Replaced by a newer record</source>
        <translation>Reemplazado por un registro más reciente</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Status changed</source>
        <translation>Cambio de estado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="108"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="111"/>
        <source>Read only: only custodians can record or change consent.</source>
        <translation>Solo lectura: solo custodia puede registrar o cambiar consentimientos.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="115"/>
        <source>Whose consent</source>
        <translation>De quién es el consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="116"/>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="118"/>
        <source>A&amp;dd person...</source>
        <translation>A&amp;gregar persona...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="126"/>
        <source>Consent records</source>
        <translation>Registros de consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <source>Scopes</source>
        <translation>Alcances</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="128"/>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="129"/>
        <source>Embargo until</source>
        <translation>Embargo hasta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="129"/>
        <source>Pseudonym</source>
        <translation>Seudónimo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="136"/>
        <source>History of the selected record</source>
        <translation>Historial del registro seleccionado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="138"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="139"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="143"/>
        <source>&amp;Withdraw consent...</source>
        <translation>&amp;Retirar consentimiento...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="144"/>
        <source>Review &amp;embargo...</source>
        <translation>Revisar &amp;embargo...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="152"/>
        <source>History of the selected record:</source>
        <translation>Historial del registro seleccionado:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="157"/>
        <source>&amp;Record consent</source>
        <translation>&amp;Registrar consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="163"/>
        <source>Records and &amp;history</source>
        <translation>Registros e &amp;historial</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="164"/>
        <source>&amp;New consent</source>
        <translation>&amp;Nuevo consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="168"/>
        <source>Who may see this item</source>
        <translation>Quién puede ver este elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="346"/>
        <source>Add person</source>
        <translation>Agregar persona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="347"/>
        <source>Name of the person giving consent:</source>
        <translation>Nombre de quien da el consentimiento:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="379"/>
        <source>Recording consent</source>
        <translation>Registrando consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="382"/>
        <source>Consent record %1 saved.</source>
        <translation>Registro de consentimiento %1 guardado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="391"/>
        <source>Withdraw consent</source>
        <translation>Retirar consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="392"/>
        <source>Why is consent withdrawn? The withdrawal applies at once, everywhere.</source>
        <translation>¿Por qué se retira el consentimiento? El retiro se aplica de inmediato y en todas partes.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="397"/>
        <source>A withdrawal needs a reason.</source>
        <translation>Para retirar un consentimiento hay que indicar el motivo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="400"/>
        <source>Withdrawing consent</source>
        <translation>Retirando consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="401"/>
        <source>Consent withdrawn.</source>
        <translation>Consentimiento retirado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="407"/>
        <source>Review embargo</source>
        <translation>Revisar embargo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="408"/>
        <source>The embargo has ended. Note why the item may now be shown as consent allows:</source>
        <translation>El embargo terminó. Anote por qué el elemento ya puede mostrarse según lo permita el consentimiento:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="412"/>
        <source>Reviewing embargo</source>
        <translation>Revisando embargo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="413"/>
        <source>Embargo reviewed.</source>
        <translation>Embargo revisado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="420"/>
        <source>Adding person</source>
        <translation>Agregando persona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_editor.py" line="1"/>
        <source>Copies outside the archive still hold this and must be recalled (see “Copies to recall” in the sidebar):</source>
        <translation>Copias fuera del archivo aún tienen esto y hay que recogerlas (vea «Copias por recoger» en la barra lateral):</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="88"/>
        <source>Scopes granted</source>
        <translation>Alcances otorgados</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="93"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="127"/>
        <source>Items this consent covers</source>
        <translation>Elementos que cubre este consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="96"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="128"/>
        <source>Only these segments</source>
        <translation>Solo estos segmentos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="98"/>
        <source>No embargo</source>
        <translation>Ningún embargo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="98"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="130"/>
        <source>Embargo until</source>
        <translation>Embargo hasta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="99"/>
        <source>No review date</source>
        <translation>Sin fecha de revisión</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="99"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="132"/>
        <source>Review date</source>
        <translation>Fecha de revisión</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="102"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="103"/>
        <source>Pseudonym to use</source>
        <translation>Seudónimo que se usará</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="105"/>
        <source>Anonymisation required</source>
        <translation>Anonimización requerida</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="112"/>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="113"/>
        <source>Signed form</source>
        <translation>Formulario firmado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="114"/>
        <source>Recorded verbally</source>
        <translation>Grabado de viva voz</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="116"/>
        <source>Date unknown</source>
        <translation>Fecha desconocida</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="116"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="138"/>
        <source>Obtained on</source>
        <translation>Obtenido el</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="118"/>
        <source>Attach si&amp;gned form...</source>
        <translation>Adjuntar formulario &amp;firmado...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="119"/>
        <location filename="../../memoria/ui/editors/consent_form.py" line="203"/>
        <source>No file attached</source>
        <translation>Ningún archivo adjunto</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="125"/>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="125"/>
        <source>Consent status</source>
        <translation>Estado del consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="127"/>
        <source>&amp;Items:</source>
        <translation>&amp;Elementos:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="128"/>
        <source>Se&amp;gments (optional):</source>
        <translation>Se&amp;gmentos (opcional):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="130"/>
        <source>&amp;Embargo until:</source>
        <translation>&amp;Embargo hasta:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="132"/>
        <source>Re&amp;view date:</source>
        <translation>Fecha de re&amp;visión:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="135"/>
        <source>&amp;How obtained:</source>
        <translation>&amp;Cómo se obtuvo:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="135"/>
        <source>How consent was obtained</source>
        <translation>Cómo se obtuvo el consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="137"/>
        <source>Obtained &amp;by:</source>
        <translation>Obtenido &amp;por:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="137"/>
        <source>Obtained by</source>
        <translation>Obtenido por</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="138"/>
        <source>Obtained o&amp;n:</source>
        <translation>Obtenido &amp;el:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="140"/>
        <source>&amp;Witness:</source>
        <translation>&amp;Testigo:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="140"/>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="146"/>
        <source>Signed form:</source>
        <translation>Formulario firmado:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="150"/>
        <source>N&amp;ote for the history:</source>
        <translation>N&amp;ota para el historial:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="150"/>
        <source>Note for the history</source>
        <translation>Nota para el historial</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="196"/>
        <source>Scan of the signed consent form</source>
        <translation>Escaneo del formulario de consentimiento firmado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="197"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Escaneos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="225"/>
        <source>Choose at least one item.</source>
        <translation>Elija al menos un elemento.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="227"/>
        <source>Granted consent must name at least one scope.</source>
        <translation>Un consentimiento otorgado debe indicar al menos un alcance.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/consent_form.py" line="229"/>
        <source>Say which pseudonym to use.</source>
        <translation>Indique qué seudónimo usar.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="26"/>
        <source>e.g. c. 1998, 1990s, 2002-10, between 1985 and 1991</source>
        <translation>p. ej. hacia 1998, década de 1990, 2002-10, entre 1985 y 1991</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="27"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="29"/>
        <source>How the date is understood</source>
        <translation>Cómo se entiende la fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="67"/>
        <source>not a date Memoria can read (try: c. 1998, 1990s, 2002-10)</source>
        <translation>no es una fecha que Memoria entienda (pruebe: hacia 1998, década de 1990, 2002-10)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="68"/>
        <source>there is no such month</source>
        <translation>ese mes no existe</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="69"/>
        <source>there is no such day in that month</source>
        <translation>ese día no existe en ese mes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="70"/>
        <source>there is no year 0</source>
        <translation>no existe el año 0</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="71"/>
        <source>the start of the range comes after its end</source>
        <translation>el inicio del rango es posterior a su final</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="72"/>
        <source>write the year with four digits</source>
        <translation>escriba el año con cuatro cifras</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="73"/>
        <source>a range needs at least one known end</source>
        <translation>un rango necesita al menos un extremo conocido</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="74"/>
        <source>that is not the start of a decade</source>
        <translation>ese no es el comienzo de una década</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="75"/>
        <source>valid EDTF, but not a form Memoria can store</source>
        <translation>EDTF válido, pero no en una forma que Memoria pueda guardar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="76"/>
        <source>type a date</source>
        <translation>escriba una fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="90"/>
        <source>Cannot read this date: %1</source>
        <translation>No se entiende esta fecha: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="93"/>
        <source>Understood as: %1 (%2)</source>
        <translation>Se entiende como: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/date_field.py" line="98"/>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="45"/>
        <source>Item details</source>
        <translation>Detalles del elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="50"/>
        <source>Who may see this item</source>
        <translation>Quién puede ver este elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="51"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="52"/>
        <source>Edit this item</source>
        <translation>Editar este elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="53"/>
        <source>C&amp;onsent...</source>
        <translation>C&amp;onsentimiento...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="54"/>
        <source>Consent of this item</source>
        <translation>Consentimiento de este elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="59"/>
        <source>Item description</source>
        <translation>Descripción del elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="91"/>
        <source>No item selected.</source>
        <translation>Ningún elemento seleccionado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="102"/>
        <source>This item is not visible to this audience.</source>
        <translation>Este elemento no es visible para este público.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="135"/>
        <source>Accession</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="136"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="137"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="137"/>
        <source>undated</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="139"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="143"/>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="148"/>
        <source>Subjects</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="150"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="156"/>
        <source>In exhibits:</source>
        <translation>En exposiciones:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="161"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="165"/>
        <source>Media</source>
        <translation>Medios</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="172"/>
        <source>{n} segments withheld by consent.</source>
        <translation>{n} segmentos retenidos por el consentimiento.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="176"/>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>%n elemento seleccionado</numerusform>
            <numerusform>%n elementos seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>Kinds</source>
        <translation>Tipos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>Actions for the selected items</source>
        <translation>Acciones para los elementos seleccionados</translation>
    </message>
</context>
<context>
    <name>EditorBridge</name>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="52"/>
        <source>Not available yet</source>
        <translation>Todavía no disponible</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="53"/>
        <source>The {what} is not part of this version yet.</source>
        <translation>El {what} todavía no hace parte de esta versión.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="74"/>
        <source>item editor</source>
        <translation>editor de elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="86"/>
        <source>consent editor</source>
        <translation>editor de consentimientos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/editor_bridge.py" line="95"/>
        <source>import dialog</source>
        <translation>diálogo de importación</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="66"/>
        <source>Caption (Spanish)</source>
        <translation>Pie (español)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="67"/>
        <source>Caption (English, optional)</source>
        <translation>Pie (inglés, opcional)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="68"/>
        <source>Curatorial text (Spanish)</source>
        <translation>Texto curatorial (español)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="69"/>
        <source>Curatorial text (English, optional)</source>
        <translation>Texto curatorial (inglés, opcional)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="81"/>
        <source>Part of the testimony shown</source>
        <translation>Parte del testimonio que se muestra</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="83"/>
        <source>Transcript segments</source>
        <translation>Segmentos de la transcripción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="87"/>
        <source>Segment text: select words to quote</source>
        <translation>Texto del segmento: seleccione las palabras que quiere citar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="89"/>
        <source>Whole testimony</source>
        <translation>Testimonio completo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="90"/>
        <source>Use this segment</source>
        <translation>Usar este segmento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="91"/>
        <source>Quote selected words</source>
        <translation>Citar las palabras seleccionadas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="120"/>
        <source>Choose an entry to edit its texts.</source>
        <translation>Elija una entrada para editar sus textos.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="125"/>
        <source>Whole item</source>
        <translation>Elemento completo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="125"/>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="126"/>
        <source>Quotation</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="176"/>
        <source>Saving the entry&apos;s texts</source>
        <translation>Guardando los textos de la entrada</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/entry_widgets.py" line="198"/>
        <source>Changing the part shown</source>
        <translation>Cambiando la parte que se muestra</translation>
    </message>
</context>
<context>
    <name>ExhibitEditor</name>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="63"/>
        <source>Exhibit editor</source>
        <translation>Editor de la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="72"/>
        <source>Target scope</source>
        <translation>Alcance de destino</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="78"/>
        <source>For:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="83"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="83"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="86"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="86"/>
        <source>Subtitle</source>
        <translation>Subtítulo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="87"/>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="108"/>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="261"/>
        <source>Add section</source>
        <translation>Agregar sección</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="110"/>
        <source>Add selected items</source>
        <translation>Agregar seleccionados</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="112"/>
        <source>Place the items selected in the list at the end of the current section</source>
        <translation>Poner los elementos seleccionados en la lista al final de la sección actual</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="115"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="116"/>
        <source>Export...</source>
        <translation>Exportar...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="117"/>
        <source>Print catalogue...</source>
        <translation>Imprimir catálogo...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="225"/>
        <source>Saving the exhibit</source>
        <translation>Guardando la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="229"/>
        <source>Exhibit</source>
        <translation>Exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="262"/>
        <source>Section title (Spanish):</source>
        <translation>Título de la sección (español):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="279"/>
        <source>Placing items in the exhibit</source>
        <translation>Poniendo elementos en la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="301"/>
        <source>Remove section</source>
        <translation>Quitar la sección</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="302"/>
        <source>Remove this section and its {n} entries from the exhibit? The items stay in the archive.</source>
        <translation>¿Quitar esta sección y sus {n} entradas de la exposición? Los elementos siguen en el archivo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="325"/>
        <source>Preparing the preview</source>
        <translation>Preparando la vista previa</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="350"/>
        <source>Save catalogue as PDF</source>
        <translation>Guardar el catálogo como PDF</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="351"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="361"/>
        <source>Preparing the catalogue</source>
        <translation>Preparando el catálogo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="1"/>
        <source>Recording the copy</source>
        <translation>Registrando la copia</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/exhibit_editor.py" line="1"/>
        <source>Entry removed from the exhibit. Edit &gt; Undo puts it back.</source>
        <translation>Entrada quitada de la exposición. Editar &gt; Deshacer la devuelve.</translation>
    </message>
</context>
<context>
    <name>ExhibitOutline</name>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="84"/>
        <source>Exhibit outline</source>
        <translation>Estructura de la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="86"/>
        <source>Sections and entries</source>
        <translation>Secciones y entradas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="87"/>
        <source>Consent check</source>
        <translation>Revisión de consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="156"/>
        <source>May go out</source>
        <translation>Puede salir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/outline.py" line="156"/>
        <source>Blocked: {reason}</source>
        <translation>Bloqueada: {reason}</translation>
    </message>
</context>
<context>
    <name>ExhibitsController</name>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="91"/>
        <source>Creating the exhibit</source>
        <translation>Creando la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="92"/>
        <source>New exhibit</source>
        <translation>Nueva exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Re&amp;name...</source>
        <translation>Cambiar &amp;nombre...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>&amp;Export...</source>
        <translation>&amp;Exportar...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>&amp;Open the item</source>
        <translation>&amp;Abrir el elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>&amp;Remove from the exhibit...</source>
        <translation>&amp;Quitar de la exposición...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Rename the exhibit</source>
        <translation>Cambiar el nombre de la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Title (Spanish):</source>
        <translation>Título (español):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Saving the exhibit</source>
        <translation>Guardando la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Remove from the exhibit</source>
        <translation>Quitar de la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/integration.py" line="1"/>
        <source>Remove this entry from the exhibit? The item stays in the archive.</source>
        <translation>¿Quitar esta entrada de la exposición? El elemento sigue en el archivo.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="72"/>
        <source>Export exhibit</source>
        <translation>Exportar la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="74"/>
        <source>Destination folder</source>
        <translation>Carpeta de destino</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="75"/>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="84"/>
        <source>Kiosk mode (return to the cover when idle)</source>
        <translation>Modo quiosco (volver a la portada si nadie la usa)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="88"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="92"/>
        <source>Destination folder:</source>
        <translation>Carpeta de destino:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="93"/>
        <source>Consent scope:</source>
        <translation>Alcance del consentimiento:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="95"/>
        <source>Idle time:</source>
        <translation>Tiempo de inactividad:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="100"/>
        <source>Export report</source>
        <translation>Informe de la exportación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="103"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="105"/>
        <source>Open folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="123"/>
        <source>Export to folder</source>
        <translation>Exportar a la carpeta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="131"/>
        <source>Choose a destination folder first.</source>
        <translation>Primero elija una carpeta de destino.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="138"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="142"/>
        <source>Exporting the exhibit</source>
        <translation>Exportando la exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="165"/>
        <source>Export cancelled: the destination folder was not changed.</source>
        <translation>Exportación cancelada: la carpeta de destino no se modificó.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="177"/>
        <source>{n} entries exported to {dest}.</source>
        <translation>{n} entradas exportadas a {dest}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="181"/>
        <source>{n} entries were left out, and why:</source>
        <translation>{n} entradas quedaron fuera, y por qué:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/export_dialog.py" line="188"/>
        <source>No entry was left out.</source>
        <translation>No quedó fuera ninguna entrada.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="169"/>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="172"/>
        <source>Filter by</source>
        <translation>Filtrar por</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="177"/>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="190"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="190"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="191"/>
        <source>Subject</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="191"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="192"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="192"/>
        <source>Decade</source>
        <translation>Década</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="193"/>
        <source>Consent status</source>
        <translation>Estado del consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="226"/>
        <source>{decade}s</source>
        <translation>Década de {decade}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="228"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="228"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="229"/>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="229"/>
        <source>French</source>
        <translation>Francés</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="34"/>
        <source>History of the item</source>
        <translation>Historial del elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="36"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="65"/>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="66"/>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="67"/>
        <source>File added</source>
        <translation>Archivo agregado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="68"/>
        <source>Transcript saved</source>
        <translation>Transcripción guardada</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="69"/>
        <source>Consent recorded</source>
        <translation>Consentimiento registrado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="70"/>
        <source>Consent status changed</source>
        <translation>Estado del consentimiento cambiado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="71"/>
        <source>Consent superseded</source>
        <translation>Consentimiento reemplazado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="72"/>
        <source>Embargo reviewed</source>
        <translation>Embargo revisado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="79"/>
        <source>Accession %1, title &apos;%2&apos;</source>
        <translation>Registro %1, título «%2»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="91"/>
        <source>%1 segments, %2 removed</source>
        <translation>%1 segmentos, %2 eliminados</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="94"/>
        <source>Record %1: %2</source>
        <translation>Registro %1: %2</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="1"/>
        <source>%1 (undo)</source>
        <translation>%1 (al deshacer)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/history_view.py" line="1"/>
        <source>%1 (redo)</source>
        <translation>%1 (al rehacer)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Temas</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="64"/>
        <source>Import files</source>
        <translation>Importar archivos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="68"/>
        <source>Files to import</source>
        <translation>Archivos para importar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>Kind (from content)</source>
        <translation>Tipo (según el contenido)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="70"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="76"/>
        <source>From the content (image: photograph, audio: recording)</source>
        <translation>Según el contenido (imagen: fotografía; audio: grabación)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="81"/>
        <source>Colombia &gt; Antioquia &gt; Medellín &gt; Comuna 13</source>
        <translation>Colombia &gt; Antioquia &gt; Medellín &gt; Comuna 13</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="88"/>
        <source>Separated by commas</source>
        <translation>Separados por comas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="90"/>
        <source>e.g. es</source>
        <translation>p. ej. es</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="92"/>
        <source>Bro&amp;wse...</source>
        <translation>E&amp;xaminar...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="99"/>
        <source>For every file</source>
        <translation>Para todos los archivos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="102"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="102"/>
        <source>Kind for every file</source>
        <translation>Tipo para todos los archivos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="103"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="103"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="104"/>
        <source>&amp;Place:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="104"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="105"/>
        <source>&amp;Subjects:</source>
        <translation>&amp;Temas:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="105"/>
        <source>Subjects</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="106"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="106"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="107"/>
        <source>&amp;Metadata CSV (optional):</source>
        <translation>CSV de &amp;metadatos (opcional):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="107"/>
        <source>Metadata CSV</source>
        <translation>CSV de metadatos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="119"/>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="121"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="123"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="157"/>
        <source>Will not import: %1</source>
        <translation>No se importará: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="160"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="164"/>
        <source>%1 file(s) found, %2 ready to import.</source>
        <translation>%1 archivo(s) encontrado(s), %2 listo(s) para importar.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="169"/>
        <source>Metadata spreadsheet</source>
        <translation>Hoja de cálculo de metadatos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="240"/>
        <source>Import the files without the spreadsheet&apos;s metadata?</source>
        <translation>¿Importar los archivos sin los metadatos de la hoja?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="170"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="194"/>
        <source>Cancel import</source>
        <translation>Cancelar importación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="195"/>
        <source>Importing...</source>
        <translation>Importando...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="197"/>
        <source>Importing files</source>
        <translation>Importando archivos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="204"/>
        <source>Importing %1...</source>
        <translation>Importando %1...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="210"/>
        <source>Stopping after the current file...</source>
        <translation>Deteniendo después del archivo actual...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="221"/>
        <source>The import stopped: %1</source>
        <translation>La importación se detuvo: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="226"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="238"/>
        <source>Imported as %1</source>
        <translation>Importado como %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="240"/>
        <source>Already in the archive as %1</source>
        <translation>Ya está en el archivo como %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="241"/>
        <source>Not imported: %1</source>
        <translation>Sin importar: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="255"/>
        <source>Not imported (cancelled before this file)</source>
        <translation>Sin importar (se canceló antes de este archivo)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="262"/>
        <source>%1 imported, %2 already in the archive, %3 not imported.</source>
        <translation>%1 importado(s), %2 ya estaban en el archivo, %3 sin importar.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_dialog.py" line="266"/>
        <source>The import was cancelled; the files imported so far are kept.</source>
        <translation>Se canceló la importación; se conservan los archivos importados hasta ahora.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="44"/>
        <source>Not a photograph or audio format Memoria knows</source>
        <translation>No es un formato de fotografía ni de audio que Memoria conozca</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="46"/>
        <source>A document is not an item by itself</source>
        <translation>Un documento no es un elemento por sí solo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="48"/>
        <source>Recognised, but no decoder for it is installed</source>
        <translation>Reconocido, pero no hay un decodificador instalado para él</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="56"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/import_preview.py" line="56"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="110"/>
        <source>Descr&amp;iption</source>
        <translation>Descr&amp;ipción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="111"/>
        <source>&amp;Media</source>
        <translation>&amp;Medios</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="112"/>
        <source>T&amp;ranscript</source>
        <translation>T&amp;ranscripción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="113"/>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="116"/>
        <source>Save status</source>
        <translation>Guardar estado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="117"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="119"/>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vertir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="166"/>
        <source>Only custodians edit items. Switch to the custodian view to edit this item.</source>
        <translation>Solo custodia edita elementos. Cambie a la vista de custodia para editar este elemento.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="233"/>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="236"/>
        <source>Saving item</source>
        <translation>Guardando elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="243"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="253"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="254"/>
        <source>This item has changes that are not saved. Save them before closing?</source>
        <translation>Este elemento tiene cambios sin guardar. ¿Guardarlos antes de cerrar?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="284"/>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
</context>
<context>
    <name>ItemEditorDialog</name>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="299"/>
        <source>New item</source>
        <translation>Nuevo elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_editor.py" line="299"/>
        <location filename="../../memoria/ui/editors/item_editor.py" line="301"/>
        <source>Edit item</source>
        <translation>Editar elemento</translation>
    </message>
</context>
<context>
    <name>ItemFieldsForm</name>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="45"/>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="66"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="47"/>
        <source>Choose a place, or type a new one: Colombia &gt; Antioquia &gt; Medellín</source>
        <translation>Elija un lugar o escriba uno nuevo: Colombia &gt; Antioquia &gt; Medellín</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="49"/>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="69"/>
        <source>Subject</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="52"/>
        <source>Language codes, e.g. es, en</source>
        <translation>Códigos de idioma, p. ej. es, en</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="59"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="59"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="60"/>
        <source>&amp;Accession number:</source>
        <translation>Número de &amp;registro:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="60"/>
        <source>Accession number</source>
        <translation>Número de registro</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="62"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="62"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="63"/>
        <source>D&amp;escription:</source>
        <translation>D&amp;escripción:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="63"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="65"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="65"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="66"/>
        <source>&amp;Places:</source>
        <translation>&amp;Lugares:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="67"/>
        <source>Pe&amp;ople:</source>
        <translation>Pe&amp;rsonas:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="67"/>
        <source>People and their roles</source>
        <translation>Personas y sus roles</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="69"/>
        <source>&amp;Subjects:</source>
        <translation>&amp;Temas:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="70"/>
        <source>&amp;Languages:</source>
        <translation>&amp;Idiomas:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="70"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="71"/>
        <source>&amp;Notes (internal):</source>
        <translation>&amp;Notas (internas):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="71"/>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="97"/>
        <source>Every item needs a title.</source>
        <translation>Todo elemento necesita un título.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/item_fields_form.py" line="105"/>
        <source>Leave empty to number it automatically</source>
        <translation>Déjelo vacío para numerarlo automáticamente</translation>
    </message>
</context>
<context>
    <name>ItemMediaPanel</name>
    <message>
        <location filename="../../memoria/ui/media/item_media.py" line="101"/>
        <source>The voice is not played because of consent.</source>
        <translation>La voz no se reproduce por consentimiento.</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Accession</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="216"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="217"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/models/item_table.py" line="217"/>
        <source>Media</source>
        <translation>Medios</translation>
    </message>
</context>
<context>
    <name>ItemViews</name>
    <message>
        <location filename="../../memoria/ui/views/item_views.py" line="41"/>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/item_views.py" line="61"/>
        <source>Item grid</source>
        <translation>Cuadrícula de elementos</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>The catalogue has been changed outside Memoria ({n} damaged pages). Run Tools &gt; Verify the archive and, if it confirms the damage, restore the archive from a backup.</source>
        <translation>El catálogo fue modificado por fuera de Memoria ({n} páginas dañadas). Use Herramientas &gt; Verificar el archivo y, si confirma el daño, restaure el archivo desde una copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>The catalogue lost changes that had been saved: researcher and public views stay closed until a custodian has checked the consents and acknowledged it (memoria acknowledge-loss).</source>
        <translation>El catálogo perdió cambios que ya estaban guardados: las vistas de investigación y de público siguen cerradas hasta que una persona de custodia revise los consentimientos y lo confirme (memoria acknowledge-loss).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>{shown} · {visible} of {items}</source>
        <translation>{shown} · {visible} de {items}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>{shown} · {items} in the archive</source>
        <translation>{shown} · {items} en el archivo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%Ln visible</source>
        <translation>
            <numerusform>%Ln visible</numerusform>
            <numerusform>%Ln visibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln elemento</numerusform>
            <numerusform>%Ln elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln mostrado</numerusform>
            <numerusform>%Ln mostrados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="1"/>
        <source>Search messages</source>
        <translation>Mensajes de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="350"/>
        <source>Also searched</source>
        <translation>También se buscó</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="40"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="44"/>
        <source>&amp;New archive...</source>
        <translation>&amp;Nuevo archivo de Memoria...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="51"/>
        <source>&amp;Open archive...</source>
        <translation>&amp;Abrir archivo de Memoria...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="57"/>
        <source>New &amp;item</source>
        <translation>Nuevo &amp;elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="70"/>
        <source>&amp;Import...</source>
        <translation>&amp;Importar...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="79"/>
        <source>&amp;Preferences...</source>
        <translation>&amp;Preferencias...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="89"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="95"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="98"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="104"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="114"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="123"/>
        <source>&amp;Clear search</source>
        <translation>&amp;Limpiar búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="131"/>
        <source>&amp;Edit item</source>
        <translation>&amp;Editar elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="137"/>
        <source>&amp;Consent...</source>
        <translation>&amp;Consentimiento...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="146"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="149"/>
        <source>As &amp;list</source>
        <translation>En &amp;lista</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="155"/>
        <source>As &amp;grid</source>
        <translation>En &amp;cuadrícula</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="162"/>
        <source>View &amp;as</source>
        <translation>Ver &amp;como</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="180"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="183"/>
        <source>&amp;About Memoria</source>
        <translation>&amp;Acerca de Memoria</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="186"/>
        <source>About Memoria</source>
        <translation>Acerca de Memoria</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="187"/>
        <source>&lt;h3&gt;Memoria {version}&lt;/h3&gt;&lt;p&gt;A desktop archive for testimonies, photographs and audio, kept with the consent of the people in them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Memoria {version}&lt;/h3&gt;&lt;p&gt;Un archivo de escritorio para testimonios, fotografías y audios, guardados con el consentimiento de las personas que aparecen en ellos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="213"/>
        <source>Import files</source>
        <translation>Importar archivos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="215"/>
        <source>Photographs and audio (*.jpg *.jpeg *.png *.tif *.tiff *.wav *.mp3 *.flac *.ogg *.m4a);;All files (*)</source>
        <translation>Fotografías y audio (*.jpg *.jpeg *.png *.tif *.tiff *.wav *.mp3 *.flac *.ogg *.m4a);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="227"/>
        <source>New archive folder</source>
        <translation>Carpeta del nuevo archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="229"/>
        <source>Open archive folder</source>
        <translation>Abrir la carpeta de un archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="46"/>
        <source>Memoria — {name}</source>
        <translation>Memoria — {name}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="98"/>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="105"/>
        <source>Search titles, descriptions, transcripts…</source>
        <translation>Buscar en títulos, descripciones, transcripciones…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="106"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="113"/>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="115"/>
        <source>Show items as a grid of pictures (Ctrl+2)</source>
        <translation>Mostrar los elementos como cuadrícula de imágenes (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="118"/>
        <source>View as:</source>
        <translation>Ver como:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="134"/>
        <source>Item counts</source>
        <translation>Conteo de elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="327"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="328"/>
        <source>An editor has changes that are not saved. Close anyway?</source>
        <translation>Un editor tiene cambios sin guardar. ¿Cerrar de todos modos?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="323"/>
        <source>Search problem</source>
        <translation>Problema en la búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="349"/>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="362"/>
        <source>Show the filters: counts by kind, place, subject, person, decade</source>
        <translation>Mostrar los filtros: cantidades por tipo, lugar, tema, persona y década</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="371"/>
        <source>Save search...</source>
        <translation>Guardar búsqueda...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="372"/>
        <source>Keep this search and its filters in the sidebar</source>
        <translation>Guardar esta búsqueda y sus filtros en la barra lateral</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>Reading-room edition for the public, {date} (read-only)</source>
        <translation>Edición de sala para el público, {date} (solo lectura)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>Reading-room edition for researchers, {date} (read-only)</source>
        <translation>Edición de sala para investigación, {date} (solo lectura)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/menus.py" line="1"/>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/main_window.py" line="1"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionado</numerusform>
            <numerusform>%n seleccionados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaTab</name>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="91"/>
        <source>Files of the item</source>
        <translation>Archivos del elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="93"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="94"/>
        <source>Technical metadata</source>
        <translation>Metadatos técnicos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="98"/>
        <source>Add &amp;files...</source>
        <translation>Agregar &amp;archivos...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="113"/>
        <source>Save the item first, then add its files.</source>
        <translation>Guarde primero el elemento y luego agregue sus archivos.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="127"/>
        <source>Add files to the item</source>
        <translation>Agregar archivos al elemento</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/media_tab.py" line="135"/>
        <source>Adding %n file(s)...</source>
        <translation>
            <numerusform>Agregando %n archivo...</numerusform>
            <numerusform>Agregando %n archivos...</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="136"/>
        <source>Adding files</source>
        <translation>Agregando archivos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="140"/>
        <source>Files added.</source>
        <translation>Archivos agregados.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/media_tab.py" line="145"/>
        <source>The files could not be added: %1</source>
        <translation>No se pudieron agregar los archivos: %1</translation>
    </message>
</context>
<context>
    <name>NewExhibitDialog</name>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="32"/>
        <source>New exhibit</source>
        <translation>Nueva exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="45"/>
        <source>Title (Spanish):</source>
        <translation>Título (español):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="46"/>
        <source>Title (English, optional):</source>
        <translation>Título (inglés, opcional):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="47"/>
        <source>Short name (for scripts):</source>
        <translation>Nombre corto (sin espacios, para la línea de comandos):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="48"/>
        <source>Target scope:</source>
        <translation>Alcance de destino:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/new_exhibit.py" line="63"/>
        <source>An exhibit needs a Spanish title and a short name.</source>
        <translation>Una exposición necesita un título en español y un nombre corto.</translation>
    </message>
</context>
<context>
    <name>PeopleTable</name>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="45"/>
        <source>People and their roles</source>
        <translation>Personas y sus roles</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="46"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="46"/>
        <location filename="../../memoria/ui/editors/people_table.py" line="77"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="50"/>
        <source>Add person</source>
        <translation>Agregar persona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="51"/>
        <source>Remove person</source>
        <translation>Quitar persona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/people_table.py" line="66"/>
        <source>Person&apos;s name</source>
        <translation>Nombre de la persona</translation>
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
        <translation>Preferencias</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="15"/>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="16"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="21"/>
        <source>The new language is used the next time Memoria starts.</source>
        <translation>El nuevo idioma se usará la próxima vez que se abra Memoria.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/preferences.py" line="28"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock after minutes without use</source>
        <translation>Bloquear después de estos minutos sin uso</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Loc&amp;k after:</source>
        <translation>&amp;Bloquear después de:</translation>
    </message>
    <message>
        <source>Transcription model folder</source>
        <translation>Carpeta del modelo de transcripción</translation>
    </message>
    <message>
        <source>C&amp;hoose folder…</source>
        <translation>&amp;Elegir carpeta…</translation>
    </message>
    <message>
        <source>A Whisper model converted for CTranslate2 (model.bin, config.json, tokenizer.json, vocabulary): it is checked and used for every transcription</source>
        <translation>Un modelo Whisper convertido para CTranslate2 (model.bin, config.json, tokenizer.json, vocabulario): se verifica y se usa en cada transcripción</translation>
    </message>
    <message>
        <source>No model yet: choose a folder, or run &apos;memoria asr install&apos; once.</source>
        <translation>Todavía no hay modelo: elija una carpeta o ejecute una vez «memoria asr install».</translation>
    </message>
    <message>
        <source>Whisper %1, %2 MB, %3 languages</source>
        <translation>Whisper %1, %2 MB, %3 idiomas</translation>
    </message>
    <message>
        <source>Choose the transcription model folder</source>
        <translation>Elija la carpeta del modelo de transcripción</translation>
    </message>
    <message>
        <source>Checking the model…</source>
        <translation>Verificando el modelo…</translation>
    </message>
    <message>
        <source>Transcription &amp;model:</source>
        <translation>&amp;Modelo de transcripción:</translation>
    </message>
</context>
<context>
    <name>RedactionEditor</name>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="47"/>
        <source>Segment text for redaction</source>
        <translation>Texto del segmento para tachar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="49"/>
        <source>Select words in the segment, then redact them.</source>
        <translation>Seleccione palabras del segmento y luego táchelas.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="51"/>
        <source>Redact selection</source>
        <translation>Tachar selección</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="53"/>
        <source>Replace the selected words with a marker everywhere outside the archive; the stored transcript is not changed</source>
        <translation>Sustituye las palabras seleccionadas por una marca en todo lo que sale del archivo; la transcripción guardada no cambia</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/redaction_editor.py" line="120"/>
        <source>Redacting words</source>
        <translation>Tachando palabras</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="264"/>
        <source>There is no search to save.</source>
        <translation>No hay ninguna búsqueda para guardar.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="266"/>
        <source>Save search</source>
        <translation>Guardar búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="266"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="272"/>
        <source>Saving the search</source>
        <translation>Guardando la búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="295"/>
        <source>Deleting the saved search</source>
        <translation>Borrando la búsqueda guardada</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="260"/>
        <source>Also searched: {words}</source>
        <extracomment>Spellings with ñ searched besides a word typed without ñ, e.g. "ninos" also searches "niños".</extracomment>
        <translation>También se buscó: {words}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="114"/>
        <source>Preparing the search index</source>
        <extracomment>The list shows every match; more than this many are cut (see docs/search.md).</extracomment>
        <translation>Preparando el índice de búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="170"/>
        <source>The search index could not be prepared: {0}</source>
        <translation>No se pudo preparar el índice de búsqueda: {0}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="258"/>
        <source>The search index is not ready yet: a simple search of titles and descriptions is shown meanwhile.</source>
        <translation>El índice de búsqueda aún no está listo: mientras tanto se muestra una búsqueda simple en títulos y descripciones.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="263"/>
        <source>Showing the best {shown} of {total} matches.</source>
        <translation>Se muestran los {shown} mejores de {total} resultados.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="271"/>
        <source>This filter is not available for this audience.</source>
        <translation>Este filtro no está disponible para este público.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="275"/>
        <source>A parenthesis is not closed or not opened.</source>
        <translation>Hay un paréntesis sin cerrar o sin abrir.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="276"/>
        <source>A word cannot start with * or ?.</source>
        <translation>Una palabra no puede empezar con * o ?.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="277"/>
        <source>Write at least two letters before * or ?.</source>
        <translation>Escriba al menos dos letras antes de * o ?.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="278"/>
        <source>A field needs a value after the colon.</source>
        <translation>Un campo necesita un valor después de los dos puntos.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="279"/>
        <source>Unknown kind: use testimony, photograph or audio.</source>
        <translation>Tipo desconocido: use testimonio, fotografía o audio.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="280"/>
        <source>Unknown language: use a code such as es or en.</source>
        <translation>Idioma desconocido: use un código como es o en.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="281"/>
        <source>That date or year is not valid; write e.g. 1998 or 1985..1991.</source>
        <translation>Esa fecha o ese año no son válidos; escriba por ejemplo 1998 o 1985..1991.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search.py" line="286"/>
        <source>{message} (character {position})</source>
        <translation>{message} (carácter {position})</translation>
    </message>
</context>
<context>
    <name>SearchHitsPanel</name>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="78"/>
        <source>Search matches</source>
        <translation>Coincidencias de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="82"/>
        <source>Matching text</source>
        <translation>Texto que coincide</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="84"/>
        <source>Matching moments</source>
        <translation>Momentos que coinciden</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_panels.py" line="129"/>
        <source>Open the recording at {time}</source>
        <translation>Abrir la grabación en {time}</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="49"/>
        <source>Collections</source>
        <translation>Colecciones</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="84"/>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="85"/>
        <source>All items</source>
        <translation>Todos los elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="88"/>
        <source>Exhibits</source>
        <translation>Exposiciones</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="91"/>
        <location filename="../../memoria/ui/views/sidebar.py" line="162"/>
        <source>(none yet)</source>
        <translation>(ninguna todavía)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="90"/>
        <source>Saved searches</source>
        <translation>Búsquedas guardadas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="89"/>
        <location filename="../../memoria/ui/views/sidebar.py" line="140"/>
        <source>New exhibit...</source>
        <translation>Nueva exposición...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="93"/>
        <source>Work queues</source>
        <translation>Pendientes de trabajo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="95"/>
        <source>Consent pending</source>
        <translation>Consentimiento pendiente</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="96"/>
        <source>Embargo ended: review</source>
        <translation>Embargo terminado: revisar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="97"/>
        <source>Consent withdrawn</source>
        <translation>Consentimiento retirado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="118"/>
        <source>{name}, {count} items</source>
        <translation>{name}, {count} elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="1"/>
        <source>Copies to recall</source>
        <translation>Copias por recoger</translation>
    </message>
</context>
<context>
    <name>TableSync</name>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="123"/>
        <source>Add a segment after the current one. F8 or Ctrl+B instead inserts a boundary at the current playback time.</source>
        <translation>Agrega un segmento después del actual. F8 o Ctrl+B, en cambio, insertan un corte en el momento que se está reproduciendo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="128"/>
        <source>Click a start time to hear it. F8 or Ctrl+B inserts a segment boundary at the current playback time.</source>
        <translation>Haga clic en un inicio para escucharlo. F8 o Ctrl+B insertan un corte de segmento en el momento que se está reproduciendo.</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="22"/>
        <source>Progress of background work</source>
        <translation>Progreso del trabajo en segundo plano</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="23"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="24"/>
        <source>Cancel background work</source>
        <translation>Cancelar el trabajo en segundo plano</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/widgets/task_progress.py" line="61"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>TokenList</name>
    <message>
        <location filename="../../memoria/ui/editors/token_list.py" line="42"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/token_list.py" line="44"/>
        <source>%1 chosen</source>
        <translation>%1 elegidos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/token_list.py" line="46"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <location filename="../../memoria/ui/tools.py" line="38"/>
        <source>&amp;Protected names...</source>
        <translation>&amp;Nombres protegidos...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="35"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="36"/>
        <source>&amp;Verify archive...</source>
        <translation>&amp;Verificar el archivo...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="38"/>
        <source>&amp;Back up archive...</source>
        <translation>&amp;Copia de seguridad del archivo...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="50"/>
        <source>Verifying originals</source>
        <translation>Verificando los originales</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="52"/>
        <source>Verification failed</source>
        <translation>La verificación falló</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="58"/>
        <source>Verification cancelled: nothing was recorded.</source>
        <translation>Verificación cancelada: no se registró nada.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="63"/>
        <source>Archive verified</source>
        <translation>Archivo verificado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="64"/>
        <source>All {count} originals are intact and the catalogue is consistent.</source>
        <translation>Los {count} originales están intactos y el catálogo es coherente.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="68"/>
        <source>Changed: {path}</source>
        <translation>Modificado: {path}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="69"/>
        <source>Missing: {path}</source>
        <translation>Falta: {path}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="70"/>
        <source>Not in the catalogue: {path}</source>
        <translation>No está en el catálogo: {path}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="71"/>
        <source>Catalogue: {problem}</source>
        <translation>Catálogo: {problem}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="73"/>
        <source>Problems found</source>
        <translation>Se encontraron problemas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="74"/>
        <source>The verification found problems. Restore the affected files from a backup; the result is recorded in the archive&apos;s history.</source>
        <translation>La verificación encontró problemas. Restaure los archivos afectados desde una copia de seguridad; el resultado queda en el historial del archivo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="82"/>
        <source>Back up the archive to</source>
        <translation>Hacer la copia de seguridad en</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="88"/>
        <source>Backing up</source>
        <translation>Haciendo la copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="90"/>
        <source>Backup done: {copied} new originals copied, {skipped} already there.</source>
        <translation>Copia hecha: {copied} originales nuevos copiados, {skipped} ya estaban.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="92"/>
        <source>Backup failed</source>
        <translation>La copia de seguridad falló</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="102"/>
        <source>No full verification in the last {days} days: verify now</source>
        <translation>Sin verificación completa en los últimos {days} días: verificar ahora</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="107"/>
        <source>Verify the archive now</source>
        <translation>Verificar el archivo ahora</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Reading-room &amp;edition...</source>
        <translation>&amp;Edición de sala...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Researchers (reading room)</source>
        <translation>Investigación (sala de consulta)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>The public</source>
        <translation>El público</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Reading-room edition</source>
        <translation>Edición de sala</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>For whom is the edition?</source>
        <translation>¿Para quién es la edición?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Write the edition to (empty folder, or an earlier edition to refresh)</source>
        <translation>Escribir la edición en (una carpeta vacía, o una edición anterior para actualizarla)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Edition written: {items} items, {removed} no longer in it.</source>
        <translation>Edición escrita: {items} elementos; {removed} ya no están.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Writing the edition</source>
        <translation>Escribiendo la edición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/tools.py" line="1"/>
        <source>Edition failed</source>
        <translation>La edición falló</translation>
    </message>
</context>
<context>
    <name>TranscriptList</name>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="70"/>
        <source>Transcript, following the recording</source>
        <translation>Transcripción, al ritmo de la grabación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="72"/>
        <source>Click a segment to go to that moment of the recording</source>
        <translation>Haga clic en un segmento para ir a ese momento de la grabación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="1"/>
        <source>&amp;Play from here</source>
        <translation>&amp;Reproducir desde aquí</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_sync.py" line="1"/>
        <source>Copy &amp;time-coded reference</source>
        <translation>Copiar referencia con &amp;tiempo</translation>
    </message>
</context>
<context>
    <name>TranscriptTab</name>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="37"/>
        <source>Space plays or pauses (on the player) · F8 or Ctrl+B marks a segment boundary now · Ctrl+Left/Right: 10 s back/forward · Ctrl+[ / Ctrl+]: speed</source>
        <translation>Espacio reproduce o pausa (en el reproductor) · F8 o Ctrl+B marca un corte de segmento ahora · Ctrl+Izquierda/Derecha: 10 s atrás/adelante · Ctrl+[ / Ctrl+]: velocidad</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Transcri&amp;be</source>
        <translation>Transcri&amp;bir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Draft a transcript from the recording on this computer (nothing leaves it); a person checks every segment</source>
        <translation>Hace un borrador de transcripción de la grabación en este computador (nada sale de él); una persona revisa cada segmento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Detect language</source>
        <translation>Detectar idioma</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Transcribing</source>
        <translation>Transcribiendo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Cancelling… finished parts are kept</source>
        <translation>Cancelando… las partes terminadas se conservan</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>%1 of %2 min</source>
        <translation>%1 de %2 min</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>about %1 min left</source>
        <translation>quedan unos %1 min</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Draft ready: %1 automatic segments to check</source>
        <translation>Borrador listo: %1 segmentos automáticos por revisar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcript_tab.py" line="1"/>
        <source>Cancelled; Transcribe again resumes where it stopped</source>
        <translation>Cancelado; Transcribir de nuevo retoma donde quedó</translation>
    </message>
    <message>
        <source>Transcribe from</source>
        <translation>Transcribir desde</translation>
    </message>
    <message>
        <source>Transcribe until</source>
        <translation>Transcribir hasta</translation>
    </message>
    <message>
        <source>h:mm:ss</source>
        <translation>h:mm:ss</translation>
    </message>
    <message>
        <source>Leave both empty to transcribe the whole recording; with two times, only that stretch is transcribed and only its draft is replaced</source>
        <translation>Deje ambos vacíos para transcribir toda la grabación; con dos tiempos, solo se transcribe ese tramo y solo se reemplaza su borrador</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>Filas seleccionadas</translation>
    </message>
    <message>
        <source>Take the times of the selected segments as the stretch to transcribe again</source>
        <translation>Tomar los tiempos de los segmentos seleccionados como el tramo que se vuelve a transcribir</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Paused; finished parts are kept</source>
        <translation>En pausa; las partes terminadas se conservan</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time (use h:mm:ss).</source>
        <translation>«%1» no es un tiempo (use h:mm:ss).</translation>
    </message>
    <message>
        <source>The stretch to transcribe ends before it starts.</source>
        <translation>El tramo para transcribir termina antes de empezar.</translation>
    </message>
    <message>
        <source>Click to jump to that moment; Shift+drag marks the stretch to transcribe</source>
        <translation>Haga clic para ir a ese momento; Mayús+arrastrar marca el tramo para transcribir</translation>
    </message>
</context>
<context>
    <name>TranscriptTable</name>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="35"/>
        <source>Transcript segments</source>
        <translation>Segmentos de la transcripción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>Speaker</source>
        <translation>Hablante</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="37"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="38"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="38"/>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="45"/>
        <source>&amp;Add segment</source>
        <translation>&amp;Agregar segmento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="46"/>
        <source>&amp;Remove segment</source>
        <translation>&amp;Quitar segmento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="47"/>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="48"/>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="131"/>
        <source>Row %1: &apos;%2&apos; is not a time (use h:mm:ss).</source>
        <translation>Fila %1: «%2» no es una hora (use h:mm:ss).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Next unchecked</source>
        <translation>&amp;Siguiente sin revisar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>Select the next automatic segment nobody has checked, and play it (Ctrl+J)</source>
        <translation>Selecciona el siguiente segmento automático que nadie ha revisado y lo reproduce (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirmar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>The selected automatic segment is right as it is (Ctrl+Enter); editing its text also makes it yours</source>
        <translation>El segmento automático seleccionado está bien así (Ctrl+Enter); si edita el texto, también queda como suyo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>Automatic transcription, not checked yet (confidence %1%)</source>
        <translation>Transcripción automática, aún sin revisar (confianza %1%)</translation>
    </message>
    <message>
        <source>Same/other &amp;speaker</source>
        <translation>Mismo/otro &amp;hablante</translation>
    </message>
    <message>
        <source>The selected segment&apos;s speaker: the same as the segment before; pressed again, the other speaker (Ctrl+K)</source>
        <translation>Hablante del segmento seleccionado: el mismo del segmento anterior; si lo oprime otra vez, el otro hablante (Ctrl+K)</translation>
    </message>
    <message>
        <source>Italics: automatic, not checked yet.</source>
        <translation>Cursiva: automático, sin revisar todavía.</translation>
    </message>
    <message>
        <source>Marked words</source>
        <translation>Palabras marcadas</translation>
    </message>
    <message>
        <source>: the engine was unsure of them (below %1%); listen to them before confirming.</source>
        <translation>: el motor no estaba seguro de ellas (menos de %1 %); escúchelas antes de confirmar.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Play from here</source>
        <translation>&amp;Reproducir desde aquí</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Edit the text</source>
        <translation>&amp;Editar el texto</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>&amp;Mark as checked</source>
        <translation>&amp;Marcar como revisado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/transcript_table.py" line="1"/>
        <source>Copy &amp;time-coded reference</source>
        <translation>Copiar referencia con &amp;tiempo</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../memoria/ui/media/waveform.py" line="57"/>
        <source>Waveform</source>
        <translation>Forma de onda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/waveform.py" line="58"/>
        <source>Click to jump to that moment</source>
        <translation>Haga clic para ir a ese momento</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Copies to recall</source>
        <translation>Copias por recoger</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>These copies left the archive before a withdrawal or an embargo. They still hold items their audience may no longer receive: ask for them back (or refresh the edition), then mark them as recalled.</source>
        <translation>Estas copias salieron del archivo antes de un retiro o un embargo. Aún tienen elementos que su público ya no puede recibir: pida que las devuelvan (o actualice la edición) y luego márquelas como recogidas.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>&amp;Mark as recalled</source>
        <translation>&amp;Marcar como recogida</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>No copy needs recalling.</source>
        <translation>Ninguna copia por recoger.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>Marking a copy as recalled</source>
        <translation>Marcando una copia como recogida</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/recall_dialog.py" line="1"/>
        <source>%n item(s) marked as recalled.</source>
        <translation>
            <numerusform>%n elemento marcado como recogido.</numerusform>
            <numerusform>%n elementos marcados como recogidos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../memoria/ui/session.py" line="1"/>
        <source>This reading-room edition is read-only.</source>
        <translation>Esta edición de sala es de solo lectura.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The window is locked to a visitor's view: nothing can be changed until a custodian unlocks it.</source>
        <translation>La ventana está bloqueada en la vista de un visitante: no se puede cambiar nada hasta que un custodio la desbloquee.</translation>
    </message>
</context>
<context>
    <name>ProtectionsDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Protected names</source>
        <translation>Nombres protegidos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>These names and terms are replaced wherever they appear, in every item, caption and export outside the custodian view. Accents and ñ are ignored when matching.</source>
        <translation>Estos nombres y términos se reemplazan dondequiera que aparezcan, en todos los elementos, pies de foto y exportaciones fuera de la vista de custodia. Al buscarlos no se distinguen tildes ni eñes.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Name or term</source>
        <translation>Nombre o término</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Replaced by</source>
        <translation>Se reemplaza por</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Variants caught</source>
        <translation>Variantes que se detectan</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Select a person to see the variants.</source>
        <translation>Seleccione una persona para ver sus variantes.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Another variant, e.g. a nickname</source>
        <translation>Otra variante, por ejemplo un apodo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Add variant</source>
        <translation>Agregar variante</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Confirm variants</source>
        <translation>Confirmar variantes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Person or term</source>
        <translation>Persona o término</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Replace with</source>
        <translation>Reemplazar por</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Protect person</source>
        <translation>Proteger a la persona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Protect term</source>
        <translation>Proteger el término</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Remove protection</source>
        <translation>Quitar la protección</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>consent</source>
        <translation>consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>marked by a custodian</source>
        <translation>marcado por custodia</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>pseudonym on the record</source>
        <translation>seudónimo en la ficha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Variants confirmed by a custodian:</source>
        <translation>Variantes confirmadas por custodia:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Variants Memoria proposes (a given name alone only if you tick it):</source>
        <translation>Variantes que Memoria propone (un nombre de pila solo, únicamente si usted lo marca):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>There is no person named “{name}”. Add the person first, or protect the name as a term.</source>
        <translation>No hay ninguna persona llamada «{name}». Agréguela primero o proteja el nombre como término.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/protections_dialog.py" line="1"/>
        <source>Saving protected names</source>
        <translation>Guardando los nombres protegidos</translation>
    </message>
</context>
<context>
    <name>SearchFeedback</name>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Remove the filters, or view as another audience, if you expected more.</source>
        <translation>Si esperaba más, quite los filtros o vea el archivo como otro público.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Alternatives with OR: &lt;code&gt;madres OR buscadoras&lt;/code&gt;; the exact phrase in quotes: &lt;code&gt;&quot;casa quemada&quot;&lt;/code&gt;; one field: &lt;code&gt;lugar:Medellín&lt;/code&gt;, &lt;code&gt;persona:&quot;Ana&quot;&lt;/code&gt;.</source>
        <translation>Alternativas con OR: &lt;code&gt;madres OR buscadoras&lt;/code&gt;; la frase exacta entre comillas: &lt;code&gt;&quot;casa quemada&quot;&lt;/code&gt;; un solo campo: &lt;code&gt;lugar:Medellín&lt;/code&gt;, &lt;code&gt;persona:&quot;Ana&quot;&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Try fewer words, or other spellings (accents and capitals do not matter).</source>
        <translation>Pruebe con menos palabras o con otra ortografía (las tildes y las mayúsculas no importan).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>Nothing matched “{text}”.</source>
        <translation>Nada coincide con “{text}”.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_feedback.py" line="1"/>
        <source>No results</source>
        <translation>Sin resultados</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <!-- Qt's own Spanish (qtbase_es) says fichero, Spain's word: Colombian Spanish says archivo (docs/glossary.md). -->
    <message>
        <source>Files of type:</source>
        <translation>Archivos de tipo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre del archivo:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>El archivo %1 ya existe.
¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Verifique que el nombre del archivo sea correcto.</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <!-- Qt's own Spanish (qtbase_es) says fichero, Spain's word: Colombian Spanish says archivo (docs/glossary.md). -->
    <message>
        <source>File Folder</source>
        <translation>Carpeta</translation>
    </message>
</context>
<context>
    <name>AudienceLock</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock to &amp;researcher view...</source>
        <translation>Bloquear en vista de &amp;investigación...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock to &amp;public view...</source>
        <translation>Bloquear en vista de &amp;público...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Show the archive to a visitor: nothing above this view can be reached until a custodian unlocks it</source>
        <translation>Para mostrar el archivo a un visitante: nada por encima de esta vista queda al alcance hasta que un custodio la desbloquee</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Unlock the view...</source>
        <translation>&amp;Desbloquear la vista...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock the view</source>
        <translation>Desbloquear la vista</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The catalogue lost changes that had been saved: researcher and public views stay closed until a custodian has checked the consents.</source>
        <translation>El catálogo perdió cambios que se habían guardado: las vistas de investigación y de público siguen cerradas hasta que un custodio revise los consentimientos.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Lock the view</source>
        <translation>Bloquear la vista</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>An editor has changes that are not saved. Save or close it first.</source>
        <translation>Un editor tiene cambios sin guardar. Guárdelos o ciérrelo primero.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Go back to the custodian's view? This archive has no accounts, so the lock protects against mistakes only, not against someone who wants to see more.</source>
        <translation>¿Volver a la vista de custodia? Este archivo no tiene cuentas, así que el bloqueo solo protege contra errores, no contra alguien que quiera ver más.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>View locked: {audience} · Unlock...</source>
        <translation>Vista bloqueada: {audience} · Desbloquear...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Going back to the custodian's view asks for a custodian</source>
        <translation>Para volver a la vista de custodia se pide un custodio</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Hide the archive and forget its key until a passphrase is given again (Ctrl+L)</source>
        <translation>Oculta el archivo y olvida su clave hasta que se vuelva a dar una frase de paso (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>{name} is locked</source>
        <translation>{name} está bloqueado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Locked after {minutes} minutes without use.</source>
        <translation>Se bloqueó después de {minutes} minutos sin uso.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Locked.</source>
        <translation>Bloqueado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The key is forgotten until an account's passphrase is given again; background work waits.</source>
        <translation>La clave se olvidó hasta que se vuelva a dar la frase de paso de una cuenta; el trabajo en segundo plano espera.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock...</source>
        <translation>Desbloquear...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This archive has no accounts: the lock only hides it from view.</source>
        <translation>Este archivo no tiene cuentas: el bloqueo solo lo oculta de la vista.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Pausing background work…</source>
        <translation>Pausando el trabajo en segundo plano…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock the archive</source>
        <translation>Desbloquear el archivo</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Open the archive</source>
        <translation>Abrir el archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>A custodian's account and passphrase unlock the view.</source>
        <translation>La cuenta y la frase de paso de un custodio desbloquean la vista.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>“{name}” is encrypted. Enter your account and passphrase to open it.</source>
        <translation>«{name}» está cifrado. Escriba su cuenta y su frase de paso para abrirlo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>“{name}” has accounts. Enter your account and passphrase to open it.</source>
        <translation>«{name}» tiene cuentas. Escriba su cuenta y su frase de paso para abrirlo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Passphrase</source>
        <translation>Frase de paso</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de paso:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Recovery key:</source>
        <translation>Clave de &amp;recuperación:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Checking the passphrase</source>
        <translation>Revisando la frase de paso</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Every passphrase lost? Use the recovery key</source>
        <translation>¿Se perdieron todas las frases de paso? Use la clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Use an account and passphrase</source>
        <translation>Usar una cuenta y su frase de paso</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Write the account's name and its passphrase.</source>
        <translation>Escriba el nombre de la cuenta y su frase de paso.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>“{account}” is a curator's account: only a custodian can unlock the view.</source>
        <translation>«{account}» es una cuenta de curaduría: solo un custodio puede desbloquear la vista.</translation>
    </message>
</context>
<context>
    <name>ArchiveKind</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Kind of archive</source>
        <translation>Tipo de archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Encrypted archive</source>
        <translation>Archivo cifrado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Unencrypted archive</source>
        <translation>Archivo sin cifrar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>{kind} · account: {account} ({role})</source>
        <translation>{kind} · cuenta: {account} ({role})</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Encrypted: the catalogue, files and index are unreadable without a passphrase or the recovery key.</source>
        <translation>Cifrado: el catálogo, los archivos y el índice no se pueden leer sin una frase de paso o la clave de recuperación.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Not encrypted: anyone with the folder can read it; accounts here protect against mistakes only.</source>
        <translation>Sin cifrar: cualquiera que tenga la carpeta lo puede leer; aquí las cuentas solo protegen contra errores.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Opened with the recovery key: give your account a new passphrase in File &gt; Accounts.</source>
        <translation>Se abrió con la clave de recuperación: póngale una frase de paso nueva a su cuenta en Archivo &gt; Cuentas.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>the recovery key</source>
        <translation>la clave de recuperación</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Custodian (everything, consent and accounts included)</source>
        <translation>Custodio (todo, incluidos el consentimiento y las cuentas)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Curator (describes items and builds exhibits)</source>
        <translation>Curador (describe elementos y arma exposiciones)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Current passphrase</source>
        <translation>Frase de paso actual</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New passphrase</source>
        <translation>Frase de paso nueva</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New passphrase again</source>
        <translation>Frase de paso nueva otra vez</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account &amp;name:</source>
        <translation>&amp;Nombre de la cuenta:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Current passphrase:</source>
        <translation>Frase de paso &amp;actual:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de paso:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Again:</source>
        <translation>&amp;Otra vez:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>At least {n} characters; a few words you can remember are best. Nobody can recover it for you.</source>
        <translation>Al menos {n} caracteres; lo mejor son unas cuantas palabras que usted recuerde. Nadie se la puede recuperar.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Write a name for the account.</source>
        <translation>Escriba un nombre para la cuenta.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Write the current passphrase.</source>
        <translation>Escriba la frase de paso actual.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>La frase de paso necesita al menos {n} caracteres.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de paso no son iguales.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Add...</source>
        <translation>&amp;Agregar...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Reset passphrase...</source>
        <translation>&amp;Restablecer frase de paso...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Re&amp;move...</source>
        <translation>&amp;Quitar...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Change my passphrase...</source>
        <translation>&amp;Cambiar mi frase de paso...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This archive has no accounts yet. The first account is a custodian's; from then on opening the archive asks for an account and its passphrase. The archive stays unencrypted: accounts protect against mistakes only.</source>
        <translation>Este archivo todavía no tiene cuentas. La primera cuenta es de un custodio; desde entonces, al abrir el archivo se pide una cuenta y su frase de paso. El archivo sigue sin cifrar: las cuentas solo protegen contra errores.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Each account's passphrase opens the archive's key. Removing an account removes its key slot; nothing is re-encrypted.</source>
        <translation>La frase de paso de cada cuenta abre la clave del archivo. Quitar una cuenta quita su ranura de clave; no se vuelve a cifrar nada.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This archive is not encrypted: accounts say who made each change and keep curators from custodian work, but protect against mistakes only.</source>
        <translation>Este archivo no está cifrado: las cuentas dicen quién hizo cada cambio y apartan a los curadores del trabajo de custodia, pero solo protegen contra errores.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Create the first account...</source>
        <translation>&amp;Crear la primera cuenta...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New account</source>
        <translation>Cuenta nueva</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account “{name}” created: from now on it opens the archive.</source>
        <translation>Se creó la cuenta «{name}»: desde ahora abre el archivo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account “{name}” added.</source>
        <translation>Se agregó la cuenta «{name}».</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New passphrase for “{name}”</source>
        <translation>Frase de paso nueva para «{name}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The passphrase of “{name}” was reset.</source>
        <translation>Se restableció la frase de paso de «{name}».</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Remove account</source>
        <translation>Quitar la cuenta</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Remove the account “{name}”? Its passphrase will no longer open the archive. Copies of the archive made before keep its old key slot.</source>
        <translation>¿Quitar la cuenta «{name}»? Su frase de paso ya no abrirá el archivo. Las copias del archivo hechas antes conservan su ranura de clave anterior.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Account “{name}” removed.</source>
        <translation>Se quitó la cuenta «{name}».</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>My passphrase</source>
        <translation>Mi frase de paso</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Your passphrase was changed.</source>
        <translation>Se cambió su frase de paso.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>A&amp;ccounts...</source>
        <translation>C&amp;uentas...</translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New Memoria archive</source>
        <translation>Nuevo archivo de Memoria</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Folder of the new archive</source>
        <translation>Carpeta del archivo nuevo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>C&amp;hoose...</source>
        <translation>&amp;Elegir...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Encrypt the archive (recommended)</source>
        <translation>&amp;Cifrar el archivo (recomendado)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&lt;b&gt;The first custodian&lt;/b&gt;</source>
        <translation>&lt;b&gt;El primer custodio&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>New archive folder</source>
        <translation>Carpeta del archivo nuevo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>The catalogue, the files and the search index are unreadable without a passphrase. You will get a recovery key to print and keep apart.</source>
        <translation>El catálogo, los archivos y el índice de búsqueda no se pueden leer sin una frase de paso. Recibirá una clave de recuperación para imprimir y guardar aparte.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Without encryption, anyone with this laptop, the folder or a copy reads everything. Choose it only if the disk itself is encrypted.</source>
        <translation>Sin cifrar, cualquiera que tenga este portátil, la carpeta o una copia lo lee todo. Elíjalo solo si el disco mismo está cifrado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Choose a folder for the new archive.</source>
        <translation>Elija una carpeta para el archivo nuevo.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&lt;b&gt;The recovery key of “{name}”&lt;/b&gt;</source>
        <translation>&lt;b&gt;La clave de recuperación de «{name}»&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>It opens the archive when every passphrase is lost, and whoever has it and the folder can read everything. It is shown only this once: print it or write it down, and keep the sheet apart from this laptop (in the museum's safe, never in the laptop's bag). A PDF saved on this laptop defeats the purpose.</source>
        <translation>Abre el archivo cuando se pierden todas las frases de paso, y quien la tenga junto con la carpeta lo puede leer todo. Se muestra solo esta vez: imprímala o escríbala, y guarde la hoja lejos de este portátil (en la caja fuerte del museo, nunca en el maletín del portátil). Un PDF guardado en este portátil no sirve de nada.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>&amp;Print...</source>
        <translation>&amp;Imprimir...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Save as P&amp;DF...</source>
        <translation>Guardar como P&amp;DF...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>I have kept the recovery key apart from this laptop</source>
        <translation>Ya guardé la clave de recuperación lejos de este portátil</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Memoria — recovery key</source>
        <translation>Memoria — clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Archive: {name} · created {date}</source>
        <translation>Archivo: {name} · creado el {date}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>This key opens the archive when every passphrase is lost. Whoever has it and a copy of the archive can read everything. Keep this sheet locked away, apart from the laptop and from the backup drives.</source>
        <translation>Esta clave abre el archivo cuando se pierden todas las frases de paso. Quien la tenga junto con una copia del archivo lo puede leer todo. Guarde esta hoja bajo llave, lejos del portátil y de los discos de copias de seguridad.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock" line="1"/>
        <source>Save the recovery key as PDF</source>
        <translation>Guardar la clave de recuperación como PDF</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="57"/>
        <source>Purge on request</source>
        <translation>Supresión a pedido</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="61"/>
        <source>Forget {name} and everything about them.</source>
        <translation>Olvidar a {name} y todo lo que hay sobre esa persona.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="64"/>
        <source>Forget these items.</source>
        <translation>Olvidar estos elementos.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="65"/>
        <source>Nothing is removed now: the request waits for a second custodian or for the waiting period, and can be cancelled until then.</source>
        <translation>Ahora no se borra nada: la solicitud espera a un segundo custodio o al plazo de espera, y se puede cancelar hasta entonces.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="70"/>
        <source>{items} items, {consents} consent records ({forms} signed forms) and {files} files will be removed; {unlinked} items keep their place without this person, whose name in them becomes a redaction.</source>
        <translation>Se suprimirán {items} elementos, {consents} registros de consentimiento ({forms} formularios firmados) y {files} archivos; {unlinked} elementos se conservan sin esta persona, y su nombre en ellos queda tachado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="78"/>
        <source>Items that go</source>
        <translation>Elementos que se suprimen</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="82"/>
        <source>Items shared with other people</source>
        <translation>Elementos compartidos con otras personas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="89"/>
        <source>Shared with other people (a group photograph): tick those to purge too; the others are kept without this person.</source>
        <translation>Compartidos con otras personas (una fotografía de grupo): marque los que también se suprimen; los demás se conservan sin esta persona.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="97"/>
        <source>{kind} at {dest} ({date})</source>
        <translation>{kind} en {dest} ({date})</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="100"/>
        <source>backup at {dest} ({date}): its older generations would restore it</source>
        <translation>respaldo en {dest} ({date}): sus generaciones anteriores lo restaurarían</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="103"/>
        <source>Copies outside the archive to recall</source>
        <translation>Copias fuera del archivo que hay que recoger</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="106"/>
        <source>It can be carried out in {days} days, or sooner when another custodian confirms it with their own account.</source>
        <translation>Se podrá llevar a cabo en {days} días, o antes si otro custodio la confirma con su propia cuenta.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="109"/>
        <source>It can be carried out in {days} days (this archive has no accounts, so no second custodian can shorten the wait).</source>
        <translation>Se podrá llevar a cabo en {days} días (este archivo no tiene cuentas, así que ningún segundo custodio puede acortar la espera).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="117"/>
        <source>Ley 1581 de 2012, art. 8</source>
        <translation>Ley 1581 de 2012, art. 8</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="119"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="120"/>
        <source>Legal &amp;basis:</source>
        <translation>&amp;Base legal:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="121"/>
        <source>Request &amp;reference:</source>
        <translation>&amp;Radicado de la solicitud:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="127"/>
        <source>Request &amp;purge</source>
        <translation>Solicitar &amp;supresión</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="162"/>
        <source>Recording the purge request</source>
        <translation>Registrando la solicitud de supresión</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n consent record(s)</source>
        <translation>
            <numerusform>%n registro de consentimiento</numerusform>
            <numerusform>%n registros de consentimiento</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>(%n signed form(s))</source>
        <translation>
            <numerusform>(%n formulario firmado)</numerusform>
            <numerusform>(%n formularios firmados)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>%n item(s) keep their place without this person, whose name in them becomes a redaction.</source>
        <translation>
            <numerusform>%n elemento se conserva sin esta persona, y su nombre en él queda tachado.</numerusform>
            <numerusform>%n elementos se conservan sin esta persona, y su nombre en ellos queda tachado.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="1"/>
        <source>To be removed: {parts}.</source>
        <translation>Qué se suprime: {parts}.</translation>
    </message>
</context>
<context>
    <name>PendingPurgesDialog</name>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="176"/>
        <source>Pending purges</source>
        <translation>Supresiones pendientes</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="180"/>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="180"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="180"/>
        <source>Requested</source>
        <translation>Pedida</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="181"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="188"/>
        <source>Carry &amp;out</source>
        <translation>&amp;Llevar a cabo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="189"/>
        <source>Cancel &amp;request</source>
        <translation>&amp;Cancelar solicitud</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="203"/>
        <source>a person and their records</source>
        <translation>una persona y sus registros</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="205"/>
        <source>{n} items</source>
        <translation>{n} elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="230"/>
        <source>Purging</source>
        <translation>Suprimiendo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="240"/>
        <source>The request was cancelled; nothing was removed.</source>
        <translation>La solicitud se canceló; no se borró nada.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="244"/>
        <source>Carried out; the tombstone is in the audit log.</source>
        <translation>Llevada a cabo; la lápida está en el registro de auditoría.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="246"/>
        <source>Its disk part finishes when the archive is next opened.</source>
        <translation>Su parte en disco termina la próxima vez que se abra el archivo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="248"/>
        <source>Recall the copy at {dest}.</source>
        <translation>Recoja la copia en {dest}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="250"/>
        <source>The backup at {dest} may still hold it.</source>
        <translation>El respaldo en {dest} todavía puede contenerlo.</translation>
    </message>
</context>
<context>
    <name>Purge</name>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="264"/>
        <source>Purge &amp;item...</source>
        <translation>Suprimir &amp;elemento...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="265"/>
        <source>Purge a &amp;person...</source>
        <translation>Suprimir a una &amp;persona...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="266"/>
        <source>Pending pur&amp;ges...</source>
        <translation>Supresiones &amp;pendientes...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="305"/>
        <source>Purge a person</source>
        <translation>Suprimir a una persona</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/dialogs/purge_dialog.py" line="306"/>
        <source>Person:</source>
        <translation>Persona:</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>&amp;Rotate the archive key...</source>
        <translation>&amp;Rotar la clave del archivo…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Rotate the archive key</source>
        <translation>Rotar la clave del archivo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>These accounts will stop opening the archive and must be added again with new passphrases: {names}.</source>
        <translation>Estas cuentas dejarán de abrir el archivo y habrá que agregarlas de nuevo con frases de paso nuevas: {names}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>No other account has to be added again.</source>
        <translation>No hay que agregar de nuevo ninguna otra cuenta.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Every file of the archive and its catalogue will be re-encrypted under a new key. This can take a while; if it is interrupted, running it again continues.</source>
        <translation>Todos los archivos y el catálogo se volverán a cifrar con una clave nueva. Puede tardar; si se interrumpe, al hacerlo de nuevo continúa donde iba.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Backups made before stay under the old key: make a new backup afterwards.</source>
        <translation>Las copias de seguridad hechas antes siguen con la clave anterior: haga una copia nueva después.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>A new recovery key will be shown once: the old one stops working.</source>
        <translation>Se mostrará una sola vez una clave de recuperación nueva: la anterior deja de servir.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Your &amp;passphrase ({account}):</source>
        <translation>Su &amp;frase de paso ({account}):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>&amp;Rotate the key</source>
        <translation>&amp;Rotar la clave</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Rotating the key...</source>
        <translation>Rotando la clave…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>Rotating the key: {count} files re-encrypted...</source>
        <translation>Rotando la clave: {count} archivos cifrados de nuevo…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/lock/rotate_key.py" line="1"/>
        <source>The key was rotated.</source>
        <translation>La clave se rotó.</translation>
    </message>
</context>
<context>
    <name>SearchSyntax</name>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Both words, anywhere in the item: title, description, transcript, people, places, subjects.</source>
        <translation>Ambas palabras, en cualquier parte del elemento: título, descripción, transcripción, personas, lugares, temas.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>The exact phrase.</source>
        <translation>La frase exacta.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Either word (OR in capitals).</source>
        <translation>Cualquiera de las dos palabras (OR en mayúsculas).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Without that word.</source>
        <translation>Sin esa palabra.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Words that start like that (at least two letters before *).</source>
        <translation>Palabras que empiezan así (al menos dos letras antes de *).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Also with a spelling mistake of one letter.</source>
        <translation>También con un error de escritura de una letra.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Only in one field: titulo / title, persona / person, lugar / place, tema / subject, texto / text, descripcion / description.</source>
        <translation>Solo en un campo: titulo, persona, lugar, tema, texto, descripcion (en inglés: title, person, place, subject, text, description).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Kind (testimonio, fotografia, audio) and language.</source>
        <translation>Tipo (testimonio, fotografia, audio) e idioma.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Dates: a year, a range of years, a month (year: and date: in English).</source>
        <translation>Fechas: un año, un rango de años, un mes (en inglés: year: y date:).</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Accents and capitals do not matter: Medellin finds Medellín. The ñ does: año is not ano, and ninos also searches niños.</source>
        <translation>Las tildes y las mayúsculas no importan: Medellin encuentra Medellín. La ñ sí importa: año no es ano, y ninos también busca niños.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>How to search</source>
        <translation>Cómo buscar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>The search runs by itself as you type; Enter runs it at once.</source>
        <translation>La búsqueda se hace sola mientras escribe; Enter la hace de inmediato.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>Search syntax</source>
        <translation>Sintaxis de búsqueda</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>How to search: phrases, OR, exclusions, fields, dates</source>
        <translation>Cómo buscar: frases, OR, exclusiones, campos, fechas</translation>
    </message>
    <message>
        <source>More in the user guide (F1)</source>
        <translation>Más en la guía de uso (F1)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/views/search_syntax.py" line="1"/>
        <source>&amp;Search syntax</source>
        <translation>&amp;Sintaxis de búsqueda</translation>
    </message>
</context>
<context>
    <name>PhotoWindow</name>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Photograph viewer</source>
        <translation>Visor de fotografías</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Previous photograph (Left, Page Up)</source>
        <translation>Fotografía anterior (Izquierda, Re Pág)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Next photograph (Right, Page Down)</source>
        <translation>Fotografía siguiente (Derecha, Av Pág)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Zoom out (Ctrl+minus, wheel)</source>
        <translation>Alejar (Ctrl+menos, rueda)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Zoom in (Ctrl+plus, wheel)</source>
        <translation>Acercar (Ctrl+más, rueda)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Fit to the window (Ctrl+0)</source>
        <translation>Ajustar a la ventana (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Rotate the view 90° (R); the file is not changed</source>
        <translation>Girar la vista 90° (R); el archivo no cambia</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>Full screen (F11)</source>
        <translation>Pantalla completa (F11)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>This photograph is shown only with faces blurred, and no regions have been marked yet.</source>
        <translation>Esta fotografía solo se muestra con los rostros difuminados, y aún no se han marcado las zonas.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>{title} — Memoria</source>
        <translation>{title} — Memoria</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>This photograph could not be shown: {error}</source>
        <translation>Esta fotografía no se pudo mostrar: {error}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>faces blurred</source>
        <translation>rostros difuminados</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>This item has no photograph to show.</source>
        <translation>Este elemento no tiene una fotografía para mostrar.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/media/photo_window.py" line="1"/>
        <source>View &amp;photograph</source>
        <translation>Ver &amp;fotografía</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>edit «{title}»</source>
        <translation>editar «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>add a section to «{title}»</source>
        <translation>agregar una sección a «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>rename a section of «{title}»</source>
        <translation>renombrar una sección de «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>move a section of «{title}»</source>
        <translation>mover una sección de «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>remove a section from «{title}»</source>
        <translation>quitar una sección de «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>add to «{title}»</source>
        <translation>agregar a «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>change an entry of «{title}»</source>
        <translation>cambiar una entrada de «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>move an entry of «{title}»</source>
        <translation>mover una entrada de «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>remove an entry from «{title}»</source>
        <translation>quitar una entrada de «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>change «{title}»</source>
        <translation>cambiar «{title}»</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>Undoing</source>
        <translation>Deshaciendo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>Redoing</source>
        <translation>Rehaciendo</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Undo: {what}</source>
        <translation>&amp;Deshacer: {what}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Redo: {what}</source>
        <translation>&amp;Rehacer: {what}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>edit %n item(s)</source>
        <translation>
            <numerusform>editar %n elemento</numerusform>
            <numerusform>editar %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/undo.py" line="1"/>
        <source>change the texts of «{title}»</source>
        <translation>cambiar los textos de «{title}»</translation>
    </message>
</context>
<context>
    <name>BatchConsentDialog</name>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Consent for %n item(s)</source>
        <translation>
            <numerusform>Consentimiento de %n elemento</numerusform>
            <numerusform>Consentimiento de %n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) selected: %1</source>
        <translation>
            <numerusform>%n elemento seleccionado: %1</numerusform>
            <numerusform>%n elementos seleccionados: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Read only: only custodians can record or change consent.</source>
        <translation>Solo lectura: solo quien custodia puede registrar o cambiar el consentimiento.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>The &amp;narrators and depicted people of each item</source>
        <translation>Los &amp;narradores y las personas retratadas de cada elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>One &amp;person for every item:</source>
        <translation>Una &amp;persona para todos los elementos:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Whose consent</source>
        <translation>De quién es el consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Whose consent:</source>
        <translation>De quién es el consentimiento:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>What will change, item by item</source>
        <translation>Qué cambiará, elemento por elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Nobody to record</source>
        <translation>Sin persona a quien registrar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>No narrator or depicted person, so left out unless you choose one person above: %1.</source>
        <translation>Sin narrador ni persona retratada, así que quedan fuera salvo que elija arriba una persona: %1.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Reopen?</source>
        <translation>¿Volver a abrir?</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>What will change</source>
        <translation>Qué cambiará</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&lt;b&gt;What will change&lt;/b&gt;</source>
        <translation>&lt;b&gt;Qué cambiará&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Record consent</source>
        <translation>&amp;Registrar consentimiento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Reopen</source>
        <translation>Volver a abrir</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) change consent state.</source>
        <translation>
            <numerusform>%n elemento cambia de estado de consentimiento.</numerusform>
            <numerusform>%n elementos cambian de estado de consentimiento.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) had consent withdrawn: left out unless you tick “Reopen” for each one.</source>
        <translation>
            <numerusform>%n elemento tiene el consentimiento retirado: queda fuera salvo que marque «Volver a abrir» en él.</numerusform>
            <numerusform>%n elementos tienen el consentimiento retirado: quedan fuera salvo que marque «Volver a abrir» en cada uno.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Left out: %1.</source>
        <translation>Quedan fuera: %1.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Recording consent...</source>
        <translation>Registrando el consentimiento...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Recording consent</source>
        <translation>Registrando el consentimiento</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n consent record(s) saved.</source>
        <translation>
            <numerusform>Se guardó %n registro de consentimiento.</numerusform>
            <numerusform>Se guardaron %n registros de consentimiento.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Nothing was recorded: %1</source>
        <translation>No se registró nada: %1</translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Edit %n item(s)</source>
        <translation>
            <numerusform>Editar %n elemento</numerusform>
            <numerusform>Editar %n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) selected: %1</source>
        <translation>
            <numerusform>%n elemento seleccionado: %1</numerusform>
            <numerusform>%n elementos seleccionados: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Only custodians edit items. Switch to the custodian view to edit the selection.</source>
        <translation>Solo quien custodia edita elementos. Cambie a la vista de custodia para editar la selección.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Subject to add</source>
        <translation>Tema para agregar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Subject to remove</source>
        <translation>Tema para quitar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Place to add</source>
        <translation>Lugar para agregar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Choose a place, or type a new one: Colombia &gt; Antioquia &gt; Medellín</source>
        <translation>Elija un lugar o escriba uno nuevo: Colombia &gt; Antioquia &gt; Medellín</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Place to remove</source>
        <translation>Lugar para quitar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>People to add, with their roles</source>
        <translation>Personas para agregar, con su papel</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>People to remove, with their roles</source>
        <translation>Personas para quitar, con su papel</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Replace the &amp;date with:</source>
        <translation>Reemplazar la &amp;fecha por:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Replace the &amp;languages with:</source>
        <translation>Reemplazar los &amp;idiomas por:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Language codes, e.g. es, en</source>
        <translation>Códigos de idioma, p. ej. es, en</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>A&amp;ppend to each item's notes</source>
        <translation>Agregar al &amp;final de las notas de cada elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Rep&amp;lace each item's notes</source>
        <translation>Reemplazar &amp;las notas de cada elemento</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Add to every item</source>
        <translation>Agregar a todos los elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Remove from every item</source>
        <translation>Quitar de todos los elementos</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Subjects:</source>
        <translation>&amp;Temas:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Places:</source>
        <translation>&amp;Lugares:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Pe&amp;ople:</source>
        <translation>Pe&amp;rsonas:</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Notes (internal):</source>
        <translation>&amp;Notas (internas):</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>What will change</source>
        <translation>Qué cambiará</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>&amp;Apply to %n item(s)</source>
        <translation>
            <numerusform>&amp;Aplicar a %n elemento</numerusform>
            <numerusform>&amp;Aplicar a %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Subjects</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>The date cannot be read; see the hint beside it.</source>
        <translation>La fecha no se puede leer; vea la indicación a su lado.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Add, remove or replace something above to see what will change.</source>
        <translation>Agregue, quite o reemplace algo arriba para ver qué cambiará.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%1: %2 to change, %3 already so</source>
        <translation>%1: %2 por cambiar, %3 ya estaban así</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) will change.</source>
        <translation>
            <numerusform>Cambiará %n elemento.</numerusform>
            <numerusform>Cambiarán %n elementos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Applying...</source>
        <translation>Aplicando...</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Editing %n item(s)</source>
        <translation>
            <numerusform>Editando %n elemento</numerusform>
            <numerusform>Editando %n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>%n item(s) changed.</source>
        <translation>
            <numerusform>Cambió %n elemento.</numerusform>
            <numerusform>Cambiaron %n elementos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Nothing was changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Open in the item editor with changes not saved: %1. Save or close it first.</source>
        <translation>Abierto en el editor de elementos con cambios sin guardar: %1. Guárdelos o cierre el editor primero.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Edit &amp;selection...</source>
        <translation>Editar &amp;selección...</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/editors/batch.py" line="1"/>
        <source>Consent for the selec&amp;tion...</source>
        <translation>Consen&amp;timiento de la selección...</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Getting started</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>Custodian: import, describe, keep</source>
        <translation>Custodia: importar, describir, cuidar</translation>
    </message>
    <message>
        <source>Curator: exhibits</source>
        <translation>Curaduría: exposiciones</translation>
    </message>
    <message>
        <source>Researcher: search</source>
        <translation>Investigación: buscar</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>Sintaxis de búsqueda</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Memoria — Help</source>
        <translation>Memoria — Ayuda</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>Páginas de ayuda</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>HelpPages</name>
    <message>
        <source>Elsewhere in the window</source>
        <translation>En otras partes de la ventana</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Every shortcut of this window, as its menus have them now.</source>
        <translation>Todos los atajos de esta ventana, tal como los tienen ahora sus menús.</translation>
    </message>
</context>
<context>
    <name>EmptyArchive</name>
    <message>
        <source>This archive has no items yet</source>
        <translation>Este archivo todavía no tiene elementos</translation>
    </message>
    <message>
        <source>Start by importing photographs, recordings or a spreadsheet of descriptions, or create an item by hand. To see how Memoria works first, open the demo archive: fictional material, in every consent state, kept apart from this archive.</source>
        <translation>Empiece por importar fotografías, grabaciones o una hoja de cálculo con descripciones, o cree un elemento a mano. Para ver primero cómo funciona Memoria, abra el archivo de demostración: material ficticio, en todos los estados de consentimiento, aparte de este archivo.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importar archivos…</translation>
    </message>
    <message>
        <source>Create an item</source>
        <translation>Crear un elemento</translation>
    </message>
    <message>
        <source>Open the demo archive</source>
        <translation>Abrir el archivo de demostración</translation>
    </message>
    <message>
        <source>Preparing the demo archive…</source>
        <translation>Preparando el archivo de demostración…</translation>
    </message>
    <message>
        <source>Preparing the demo archive</source>
        <translation>Preparando el archivo de demostración</translation>
    </message>
    <message>
        <source>The demo archive could not be made: {reason}</source>
        <translation>No se pudo crear el archivo de demostración: {reason}</translation>
    </message>
</context>
<context>
    <name>TrashController</name>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Move to &amp;trash</source>
        <translation>Mover a la &amp;papelera</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Restaurar desde la papelera</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>E&amp;mpty trash...</source>
        <translation>&amp;Vaciar la papelera…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Moving to the trash</source>
        <translation>Moviendo a la papelera</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Move %n item(s) to the trash?</source>
        <translation>
            <numerusform>¿Mover %n elemento a la papelera?</numerusform>
            <numerusform>¿Mover %n elementos a la papelera?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>They leave every list, search, export and exhibit at once. You can restore them from the Trash until it is emptied.</source>
        <translation>Salen de inmediato de todas las listas, búsquedas, exportaciones y exposiciones. Puede restaurarlos desde la Papelera hasta que se vacíe.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>%n item(s) moved to the trash.</source>
        <translation>
            <numerusform>%n elemento movido a la papelera.</numerusform>
            <numerusform>%n elementos movidos a la papelera.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Restoring from the trash</source>
        <translation>Restaurando desde la papelera</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>%n item(s) restored from the trash.</source>
        <translation>
            <numerusform>%n elemento restaurado desde la papelera.</numerusform>
            <numerusform>%n elementos restaurados desde la papelera.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>This cannot be undone in the archive.</source>
        <translation>Esto no se puede deshacer en el archivo.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Empty trash</source>
        <translation>Vaciar la papelera</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/views/trash_view.py" line="1"/>
        <source>Emptying the trash</source>
        <translation>Vaciando la papelera</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../memoria/ui/views/sidebar.py" line="1"/>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../memoria/ui/views/detail_pane.py" line="1"/>
        <source>In the trash: nobody else sees it. Restore it to edit it or to show it again.</source>
        <translation>En la papelera: nadie más lo ve. Restáurelo para editarlo o para mostrarlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ContextMenus</name>
    <message>
        <location filename="../../memoria/ui/context_menus.py" line="1"/>
        <source>Copy &amp;reference</source>
        <translation>Copiar &amp;referencia</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/context_menus.py" line="1"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
</context>
<context>
    <name>ExhibitPlacement</name>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Add to e&amp;xhibit</source>
        <translation>Agregar a una e&amp;xposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Place the selected items at the end of an exhibit</source>
        <translation>Pone los elementos seleccionados al final de una exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>(no exhibits yet)</source>
        <translation>(ninguna exposición todavía)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Add to exhibit</source>
        <translation>Agregar a una exposición</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Placing items in the exhibit</source>
        <translation>Poniendo elementos en la exposición</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>%n item(s) added to «{title}».</source>
        <translation>
            <numerusform>%n elemento agregado a «{title}».</numerusform>
            <numerusform>%n elementos agregados a «{title}».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>The exhibit&apos;s consent check blocks %n of them for now (they stay in the exhibit, marked, and are left out of anything exported):</source>
        <translation>
            <numerusform>La revisión de consentimiento de la exposición bloquea %n de ellos por ahora (queda en la exposición, marcado, y por fuera de todo lo que se exporte):</numerusform>
            <numerusform>La revisión de consentimiento de la exposición bloquea %n de ellos por ahora (quedan en la exposición, marcados, y por fuera de todo lo que se exporte):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../memoria/ui/exhibits/placement.py" line="1"/>
        <source>Already in the exhibit, left where they are: {items}.</source>
        <translation>Ya estaban en la exposición y se dejaron donde estaban: {items}.</translation>
    </message>
</context>
<context>
    <name>TranscriptionQueue</name>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Tra&amp;nscribe</source>
        <translation>Tra&amp;nscribir</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Draft transcripts of the selected testimonies and recordings on this computer, one after another (nothing leaves it)</source>
        <translation>Hace borradores de transcripción de los testimonios y grabaciones seleccionados en este computador, uno tras otro (nada sale de él)</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Transcription progress</source>
        <translation>Avance de la transcripción</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Without a recording, skipped: {items}.</source>
        <translation>Sin grabación, se omiten: {items}.</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Cancelling… finished parts are kept</source>
        <translation>Cancelando… las partes terminadas se conservan</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>loading the model…</source>
        <translation>cargando el modelo…</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Transcribing {n} of {total}: {title}</source>
        <translation>Transcribiendo {n} de {total}: {title}</translation>
    </message>
    <message>
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>{done} of {total} min</source>
        <translation>{done} de {total} min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>Cancelled; %n item(s) left. Resume continues where it stopped.</source>
        <translation>
            <numerusform>Cancelado; queda %n elemento. Reanudar sigue donde se detuvo.</numerusform>
            <numerusform>Cancelado; quedan %n elementos. Reanudar sigue donde se detuvo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../memoria/ui/media/transcription_queue.py" line="1"/>
        <source>%n item(s) transcribed; drafts are ready to check.</source>
        <translation>
            <numerusform>%n elemento transcrito; el borrador está listo para revisar.</numerusform>
            <numerusform>%n elementos transcritos; los borradores están listos para revisar.</numerusform>
        </translation>
    </message>
</context>
</TS>
