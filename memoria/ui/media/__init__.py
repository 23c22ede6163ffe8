"""Media on screen: audio player, waveform, synced transcript, photo viewer, anonymisation editors."""
