"""Every function in the given folders is at most N lines long (issue 28: no function in cypher/ longer
than 80 lines). A brace scan, not a parser: a function body is a '{' at class, namespace or file level
whose last few lines hold a ')'; lambdas and blocks count within their function. Prints each longer
function as file:line and exits 1.

    python3 function_length.py 80 cypher/
"""
import pathlib
import re
import sys


def code_of(line):
    line = re.sub(r"'(\\.|[^'\\])'", "''", line)
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    return re.sub(r"//.*", "", line)


def long_functions(path, limit):
    lines = path.read_text(encoding="utf-8").split("\n")
    stack = []  # (kind, first line)
    for number, line in enumerate(lines, 1):
        code = code_of(line)
        for ch in code:
            if ch == "{":
                in_function = any(kind == "fn" for kind, _ in stack)
                header = code.strip()
                scope = re.match(r"^(namespace|class|struct|enum|union)\b", header) or re.search(
                    r"\b(class|struct|namespace)\s+\w+[^()]*\{", header)
                recent = "".join(lines[max(0, number - 4):number])
                kind = "blk" if in_function else ("scope" if scope or ")" not in recent else "fn")
                stack.append((kind, number))
            elif ch == "}" and stack:
                kind, first = stack.pop()
                if kind == "fn" and number - first + 1 > limit:
                    yield first, number - first + 1


def main():
    limit = int(sys.argv[1])
    found = False
    for folder in sys.argv[2:]:
        for path in sorted(pathlib.Path(folder).rglob("*")):
            if path.suffix not in (".cpp", ".h"):
                continue
            for first, length in long_functions(path, limit):
                print(f"{path}:{first}: a function of {length} lines (at most {limit})")
                found = True
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
