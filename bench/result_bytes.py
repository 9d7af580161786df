"""The result page's HTML, in bytes, against the number of datasets: in-process, under production settings on a
throwaway SQLite database, for studies of n cryo-ET datasets (tilt series and many tomograms: an EMPIAR step and
an EMDB step each, the heaviest kind of step). From the root of the checkout to measure (of two, run it in each):

    .venv/bin/python -m bench.result_bytes

Prints the bytes of the page (as sent, before compression, and gzipped) for each n, and the growth per dataset.
"""

import gzip
import tempfile
from pathlib import Path

from bench.profile import app_in_process

DATASET_COUNTS = (1, 10, 25, 50)
CRYO_ET = {"modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True, "tomograms": "many"}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="depositwizard-bytes-") as folder:
        app_in_process(Path(folder))
        from django.test import Client

        from policy.results import result_create

        client = Client(HTTP_HOST="127.0.0.1")
        sizes = {}
        for count in DATASET_COUNTS:
            datasets = [{"id": f"cryo-et-{number}", **CRYO_ET} for number in range(count)]
            result, _ = result_create(answers={"datasets": datasets})
            page = client.get(f"/r/{result.pk}/").content
            sizes[count] = (len(page), len(gzip.compress(page)))
            print(f"{count} datasets: {sizes[count][0]} bytes, {sizes[count][1]} gzipped", flush=True)
        first, last = DATASET_COUNTS[0], DATASET_COUNTS[-1]
        growth = (sizes[last][0] - sizes[first][0]) / (last - first)
        growth_gzipped = (sizes[last][1] - sizes[first][1]) / (last - first)
        print(f"per dataset: {growth:.0f} bytes, {growth_gzipped:.0f} gzipped")


if __name__ == "__main__":
    main()
