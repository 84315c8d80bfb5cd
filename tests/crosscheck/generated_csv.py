"""The CSV files of a generated graph for the cross-checks: n companies e00.. and the relations given
(dicts with id, type, from, to, start, end), written to a new folder for `kizuna import`."""
import csv
import os


def write_csv(folder, n, relations, width=3, entities=None):
    """Entities are named e followed by their number in `width` digits, as the relations name them;
    `entities`: the numbers of those to write (default: all n)."""
    os.makedirs(folder)
    with open(os.path.join(folder, "entities.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "kind", "name_en"])
        for i in range(n) if entities is None else entities:
            w.writerow([f"e{i:0{width}d}", "company", f"Entity {i}"])
    with open(os.path.join(folder, "relations.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "type", "from", "to", "start", "end"])
        w.writeheader()
        w.writerows(relations)
