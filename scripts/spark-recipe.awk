# Exit 0 when a recipe (YAML) or a run manifest (JSON) names the Spark engine: engine: spark, engine: {name: spark},
# an engine: block whose name: is spark, or a manifest's "engine" : { "name" : "spark" }. Comments do not count.
{ sub(/\r$/, ""); sub(/(^|[ \t])#.*$/, "") }
/^engine[ \t]*:|^[ \t]*"engine"[ \t]*:/ {
  v = $0; sub(/^[^:]*:[ \t]*/, "", v); sub(/[ \t]*,?[ \t]*$/, "", v)
  if (v ~ /^"?spark"?$/ || v ~ /^\{(.*[, \t])?"?name"?[ \t]*:[ \t]*"?spark"?[ \t]*[,}]/) found = 1
  block = (v == "" || v == "{"); next
}
block && /^[ \t]/ { if ($0 ~ /^[ \t]*"?name"?[ \t]*:[ \t]*"?spark"?[ \t]*,?[ \t]*$/) found = 1; next }
{ block = 0 }
END { exit !found }
