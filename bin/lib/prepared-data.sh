# Sourced by the bin/ scripts (after jdk.sh): prepare_ml100k makes sure data-prep's output for MovieLens 100K is in
# data/prepared/ml-100k, which every synth packages; reused when present.
# MovieLens comes from $MOVIELENS_100K_DIR, else ../shared/datasets/ml-100k, else a verified GroupLens download (cached).
prepare_ml100k() {
  local prepared=data/prepared/ml-100k
  if [ -f "$prepared/report.json" ] && [ -f "$prepared/interactions.csv" ]; then
    echo "==> Reusing the prepared MovieLens 100K in $prepared (delete that directory to prepare it again)"
    return 0
  fi
  if [ ! -f data-prep/target/data-prep.jar ]; then
    echo "error: data-prep/target/data-prep.jar is missing: build it with 'mvn -pl data-prep -am package' first." >&2
    return 3
  fi
  local source_args=(--download ml-100k) dir
  for dir in "${MOVIELENS_100K_DIR:-}" ../shared/datasets/ml-100k; do
    if [ -n "$dir" ] && [ -f "$dir/u.data" ]; then source_args=(--input "$dir"); break; fi
  done
  echo "==> Preparing MovieLens 100K (${source_args[*]})"
  "$JAVA_HOME/bin/java" -jar data-prep/target/data-prep.jar "${source_args[@]}" --output "$prepared"
}
