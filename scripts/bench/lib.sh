# Helpers shared by the benchmark scripts under scripts/bench/ (source it: . "$here/../lib.sh").

# median VALUE...: the middle value (the lower middle for an even count); the benchmarks report medians of
# alternating runs because single runs on this shared machine vary by ±15-20%.
median() { printf "%s\n" "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# jvm_flags ROOT: the JVM flags the ./rareclass launcher and the tests run with (pom.xml's rareclass.jvm.flags:
# quiet native access, lighter JIT inlining), for the benchmarks that start a JVM themselves.
jvm_flags() { sed -n 's:.*<rareclass.jvm.flags>\(.*\)</rareclass.jvm.flags>.*:\1:p' "$1/pom.xml"; }

# same_folds_sets ROOT [NAME...]: the imbalanced sets of CATALOG.md that the same-folds benchmarks (quality/ and
# ensembles/run.sh) compare rareclass and Python on, one a line in table order, as
#   name|file|label index|positive|header (0/1)|categorical indices (or -)
# only those named (default all), and of those only the ones in $ONLY when it is set. ROOT is the checkout, beside
# which shared/datasets lies.
same_folds_sets() {
  local D=$1/../shared/datasets; shift
  local s name
  for s in \
      "mammography|$D/mammography/mammography.csv|6|'1'|0|-" \
      "oil_spill|$D/oil_spill/oil-spill.csv|49|1|0|-" \
      "wine_le4|$D/wine_quality/winequality-white.csv|11|3,4|0|-" \
      "abalone_19|$D/abalone/abalone.data|8|19|0|0" \
      "car_vgood|$D/car_evaluation/car.data|6|vgood|0|0,1,2,3,4,5" \
      "ecoli_imU|$D/ecoli/ecoli.csv|7|imU|0|-" \
      "phoneme|$D/phoneme/phoneme.csv|5|1|0|-" \
      "creditcard|$D/creditcard_fraud_subset/creditcard_adjustedl.csv|30|1|1|-"; do
    name=${s%%|*}
    [ $# = 0 ] || [[ " $* " == *" $name "* ]] || continue
    [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $name "* ]] || continue
    echo "$s"
  done
}

# read_set LINE: splits a line of same_folds_sets into the variables name, file, label, positive, header and cats,
# and sets the array opts to the options with which rareclass reads that table.
read_set() {
  IFS='|' read -r name file label positive header cats <<< "$1"
  opts=(--label "$label" --positive "$positive")
  if [ "$header" = 0 ]; then opts+=(--no-header); fi
  if [ "$cats" != - ]; then opts+=(--categorical "$cats"); fi
}
