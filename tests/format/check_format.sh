#!/usr/bin/env bash
# Fails when a C++ file of the tree differs from what clang-format makes of it under the project's
# .clang-format (and lists the files). Usage: check_format.sh CLANG_FORMAT SOURCE_ROOT
# Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
clang_format="$1"
root="$2"
cd "$root"
mapfile -t files < <(find core importers queries cypher viz app cli server facade python examples tests bench -name '.*' -prune -o -path bench/work -prune -o -type f \( -name '*.cpp' -o -name '*.h' \) -print | sort)
if ((${#files[@]} == 0)); then
  echo "no C++ files found under $root" >&2
  exit 1
fi
bad=()
for file in "${files[@]}"; do
  if ! "$clang_format" --style=file --dry-run --Werror "$file" > /dev/null 2>&1; then bad+=("$file"); fi
done
if ((${#bad[@]})); then
  echo "${#bad[@]} of ${#files[@]} files are not formatted by $("$clang_format" --version):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "format them with: clang-format -i FILE… (the style is .clang-format)" >&2
  exit 1
fi
echo "${#files[@]} files formatted as .clang-format says"
