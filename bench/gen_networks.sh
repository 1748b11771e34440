#!/bin/sh
# Writes a synthetic networks CSV with N networks (default 1000) to
# standard output: names, previous, need, own, NTNU, Nord, fte, up1. The
# numbers follow a fixed pseudo-random sequence, so every run is the same.
n=${1:-1000}
awk -v n="$n" 'BEGIN {
	print "network;previous;need;own;NTNU;Nord;fte;up1"
	s = 12345
	for (i = 1; i <= n; i++) {
		s = (s * 1103515245 + 12345) % 2147483648; prev = 200000 + s % 3000000
		s = (s * 1103515245 + 12345) % 2147483648; need = prev + s % 800000
		own = int(need * 0.4); ntnu = int(need * 0.3); nord = need - own - ntnu
		s = (s * 1103515245 + 12345) % 2147483648; fte = 50 + s % 250000 / 100
		printf "Nettverk %d;%d;%d;%d;%d;%d;%.2f;%s\n", i, prev, need, own, ntnu, nord, fte, (i % 3 ? "NTNU" : "NTNU:0.5+Nord:0.5")
	}
}'
