#!/bin/sh
# Writes the plan for N networks of bench/gen_networks.sh to standard
# output: a frame of KR kroner a network (default 900 000, about half the
# needs, so most networks are free and some capped; the plan allows at
# most 10^12 kroner), a direct transfer of 5 MNOK by UP1, pro rata with a
# base grant of 100 000 and caps at the need.
n=${1:-1000}
per=${2:-900000}
cat <<JSON
{"year": 2022, "institutions": [{"id": "NTNU"}, {"id": "Nord"}],
 "frame": {"prorata": $((n * per)), "direct": {"amount": 5000000, "split": "by_up1"}},
 "allocation": {"method": "prorata", "base_grant": 100000, "cap_at_need": true}}
JSON
