# Helpers shared by the benchmark scripts under scripts/bench/ (source it: . "$here/../lib.sh").

# median VALUE...: the middle value (the lower middle for an even count); the benchmarks report medians of
# alternating runs because single runs on this shared machine vary by ±15-20%.
median() { printf "%s\n" "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# jvm_flags ROOT: the JVM flags the ./rareclass launcher and the tests run with (pom.xml's rareclass.jvm.flags:
# quiet native access, lighter JIT inlining), for the benchmarks that start a JVM themselves.
jvm_flags() { sed -n 's:.*<rareclass.jvm.flags>\(.*\)</rareclass.jvm.flags>.*:\1:p' "$1/pom.xml"; }
