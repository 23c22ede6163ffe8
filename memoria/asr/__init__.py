"""Speech to text on the archive's own machine (issue 14).

``model``: finding, checking, registering and installing a CTranslate2 Whisper
model (a folder of files; never a download at run time). ``engine``: the
faster-whisper calls (CPU int8, its voice-activity filter). ``drafts``: draft
transcripts in the catalogue (resumable chunks, automatic segments).
No Qt here; faster-whisper is the optional extra ``memoria[asr]``.
"""
