# Helpers shared by the benchmark scripts under scripts/bench/ (source it: . "$here/../lib.sh").

# median VALUE...: the middle value (the lower middle for an even count); the benchmarks report medians of
# alternating runs because single runs on this shared machine vary by ±15-20%.
median() { printf "%s\n" "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
