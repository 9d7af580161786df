"""wwPDB OneDep's deposition API on 127.0.0.1, as onedep-lib 1.1.0 calls it (token refresh, list, new deposition,
chunked file upload, map metadata, process, status), recording what it receives; and the smallest files of each
kind OneDep takes (an MRC map, a PNG image, an mmCIF model) for the hand-off's script to check and upload."""

import json
import re
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt

DEPOSITION_ID = "D_800000001"
REFRESH_TOKEN = "refresh-token-for-tests"
SIGNING_KEY = "the mock's key, long enough for HS256 (32 bytes)"
SITE = "/deposition"
API = f"{SITE}/api/v1/"


@dataclass
class OnedepRequest:
    method: str
    path: str
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)

    def form(self, name: str) -> str | None:
        """A field of a multipart upload."""
        found = re.search(rb'name="' + name.encode() + rb'"\r\n\r\n([^\r]*)\r\n', self.body)
        return found.group(1).decode() if found else None


def _access_token() -> str:
    return jwt.encode({"exp": int(time.time()) + 3600, "sub": "depositor"}, SIGNING_KEY, algorithm="HS256")


def _file(number: int, name: str, file_type: str, size: int, metadata: dict | None = None) -> dict:
    return {
        "id": number,
        "name": name,
        "type": file_type,
        "created": "Monday, January 05, 2026 10:00:00",
        "uploadedBytes": size,
        "metadata": metadata,
    }


@dataclass
class OnedepApi:
    """`failing` maps an endpoint (the path after the API's root, e.g. "depositions/new") to the HTTP status it
    answers with instead."""

    failing: dict[str, int] = field(default_factory=dict)
    requests: list[OnedepRequest] = field(default_factory=list)
    url: str = ""

    def __enter__(self):
        api = self
        uploaded: dict[int, dict] = {}

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, body: dict | None = None):
                payload = json.dumps(body or {}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _handle(self, method: str):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                request = OnedepRequest(method, self.path, dict(self.headers), body)
                api.requests.append(request)
                endpoint = self.path.removeprefix(API)
                if endpoint in api.failing:
                    return self._answer(api.failing[endpoint], {"detail": "refused by the mock"})
                if self.path == f"{SITE}/auth/tokens/refresh":
                    if request.json().get("refresh_token") != REFRESH_TOKEN:
                        return self._answer(401)
                    return self._answer(200, {"access_token": _access_token(), "refresh_token": REFRESH_TOKEN})
                if not self.headers.get("Authorization", "").startswith("Bearer ey"):
                    return self._answer(401)
                if endpoint == "depositions/":
                    return self._answer(200, {"items": []})
                if endpoint == "depositions/new":
                    sent = request.json()
                    return self._answer(200, {
                        "id": DEPOSITION_ID, "email": sent["email"], "pdb_id": None, "emdb_id": None,
                        "bmrb_id": None, "title": "", "hold_exp_date": None, "created": "2026-01-05T10:00:00",
                        "last_login": "2026-01-05T10:00:00", "site": "PDBe", "status": "DEP",
                        "experiments": sent["experiments"], "errors": [],
                        "site_url": f"{api.url}{SITE}/stage/{DEPOSITION_ID}", "site_base_url": None,
                    })  # fmt: skip
                if endpoint == f"depositions/{DEPOSITION_ID}/files/":
                    number = len(uploaded) + 1
                    size = int(self.headers["Content-Range"].rsplit("/", 1)[1])
                    uploaded[number] = _file(number, request.form("name"), request.form("type"), size)
                    return self._answer(200, uploaded[number])
                metadata = re.fullmatch(rf"depositions/{DEPOSITION_ID}/files/(\d+)/metadata", endpoint)
                if metadata:
                    stored = uploaded[int(metadata.group(1))]
                    return self._answer(200, stored | {"metadata": request.json()})
                if endpoint in (f"depositions/{DEPOSITION_ID}/process", f"depositions/{DEPOSITION_ID}/status"):
                    return self._answer(200, {
                        "status": "running", "action": "process", "step": "upload", "details": "",
                        "date": "2026-01-05T10:00:00",
                    })  # fmt: skip
                return self._answer(404)

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def log_message(self, *arguments):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exception):
        self._server.shutdown()
        self._server.server_close()

    @property
    def hostname(self) -> str:
        return self.url + SITE

    def endpoints(self) -> list[str]:
        """What reached the API proper (not the token refreshes)."""
        return [f"{r.method} {r.path.removeprefix(API)}" for r in self.requests if r.path.startswith(API)]

    def uploads(self) -> list[OnedepRequest]:
        return [r for r in self.requests if r.path == f"{API}depositions/{DEPOSITION_ID}/files/"]

    def metadata(self) -> list[dict]:
        return [r.json() for r in self.requests if r.path.endswith("/metadata")]


def mrc_map(path: Path, *, voxel: float = 1.1, size: int = 4) -> Path:
    """A float32 MRC map of size³ voxels, little-endian, with the cell that gives `voxel` Å per voxel."""
    header = bytearray(1024)
    struct.pack_into("<4i", header, 0, size, size, size, 2)  # nx, ny, nz, mode 2 (float32)
    struct.pack_into("<3i", header, 28, size, size, size)  # mx, my, mz
    struct.pack_into("<3f", header, 40, *(voxel * size,) * 3)  # the cell, in Å
    struct.pack_into("<3i", header, 64, 1, 2, 3)  # mapc, mapr, maps
    header[208:212] = b"MAP "
    header[212:214] = b"\x44\x44"  # machine stamp: little-endian
    path.write_bytes(bytes(header) + struct.pack(f"<{size**3}f", *range(size**3)))
    return path


def png_image(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(17))
    return path


def mmcif_model(path: Path) -> Path:
    path.write_text(
        "data_model\n#\nloop_\n_atom_site.group_PDB\n_atom_site.id\n_atom_site.type_symbol\nATOM 1 C\n#\n",
        encoding="utf-8",
    )
    return path
