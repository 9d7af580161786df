"""The result page's HTML, in bytes, against the number of datasets: in-process, under production settings on a
throwaway SQLite database, for studies of n cryo-ET datasets (tilt series and many tomograms: an EMPIAR step and
an EMDB step each, the heaviest kind of step):

    .venv/bin/python bench/result_bytes.py                          # this tree
    .venv/bin/python bench/result_bytes.py --repository ../other    # another checkout, to compare

Prints the bytes of the page (as sent, before compression, and gzipped) for each n, and the growth per dataset.
"""

import argparse
import gzip
import os
import sys
import tempfile
from pathlib import Path

DATASET_COUNTS = (1, 10, 25, 50)
CRYO_ET = {"modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True, "tomograms": "many"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repository", type=Path, default=Path(__file__).resolve().parent.parent)
    arguments = parser.parse_args()
    repository = arguments.repository.resolve()
    with tempfile.TemporaryDirectory(prefix="depositwizard-bytes-") as folder:
        sys.path.insert(0, str(repository))
        os.chdir(repository)
        from tests.config.deployment import production_environment

        os.environ.clear()
        os.environ.update(production_environment(Path(folder), DJANGO_SECURE="0"))
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from policy.results import result_create

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
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
        print(f"per dataset: {growth:.0f} bytes, {growth_gzipped:.0f} gzipped ({repository})")


if __name__ == "__main__":
    main()
