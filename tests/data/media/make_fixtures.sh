#!/bin/sh
# Regenerates the tiny audio fixtures (Debian 12: apt-get install ffmpeg).
# Each is a 1.5 s mono 440 Hz sine with four tags, kept well under 30 KB.
set -e
cd "$(dirname "$0")"
gen() {  # gen <rate> <out> <codec args...>
    rate=$1; out=$2; shift 2
    ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "sine=frequency=440:duration=1.5:sample_rate=$rate" -ac 1 "$@" \
        -metadata title="Testimonio de prueba" -metadata artist="Archivo Memoria" \
        -metadata date="2003" -metadata comment="Tono de prueba" "$out"
}
gen 22050 tone.mp3  -c:a libmp3lame -b:a 32k -id3v2_version 3
gen 8000  tone.flac -c:a flac -sample_fmt s16
gen 22050 tone.ogg  -c:a libvorbis -q:a 0
gen 48000 tone.opus -c:a libopus -b:a 16k
gen 22050 tone.m4a  -c:a aac -b:a 32k
# An Android-style voice note: generic "mp42" brand instead of "M4A ".
gen 8000  voice-mp42.m4a -c:a aac -b:a 16k -f mp4 -brand mp42
# A one-frame video, to prove generic MP4 with a video track is not audio.
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=gray:s=16x16:d=0.04" \
    -c:v mpeg4 -f mp4 -brand mp42 clip.mp4
# Raw AAC in ADTS frames (no container), with an ID3v2 tag in front.
gen 22050 tone.aac  -c:a aac -b:a 24k -f adts -write_id3v2 1
