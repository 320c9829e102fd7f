"""The pandas baseline for bench/data-prep.sh: the pipeline data-prep replaces.

    /usr/bin/python3 bench/pandas_prep.py INPUT_DIR OUTPUT_DIR

Reads INPUT_DIR/ratings.csv (ml-latest format: userId,movieId,rating,timestamp) and writes
OUTPUT_DIR/interactions.csv (USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE) the way the original
notebook did: read_csv, astype(str), rename, add EVENT_TYPE, reorder, to_csv(index=False).
Run it with Debian's /usr/bin/python3 (pandas from the python3-pandas package).
"""
import os
import sys

import pandas as pd


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: python3 pandas_prep.py INPUT_DIR OUTPUT_DIR\n")
        return 2
    input_dir, output_dir = argv[1], argv[2]
    os.makedirs(output_dir, exist_ok=True)

    ratings = pd.read_csv(os.path.join(input_dir, "ratings.csv"))
    ratings = ratings.astype(str)
    ratings = ratings.rename(columns={
        "userId": "USER_ID",
        "movieId": "ITEM_ID",
        "rating": "EVENT_VALUE",
        "timestamp": "TIMESTAMP",
    })
    ratings["EVENT_TYPE"] = "Watch"
    ratings = ratings[["USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE"]]
    ratings.to_csv(os.path.join(output_dir, "interactions.csv"), index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
