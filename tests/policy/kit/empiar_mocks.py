"""EMPIAR's side of a deposition, on this machine: its deposition API on 127.0.0.1, and stand-ins for the transfer
tools empiar-depositor runs through a shell (`ascp`, the `globus` CLI) that copy the data into a local "remote"
folder the way each tool places it. The EMPIAR bundle's script runs the real empiar-depositor against them.

empiar-depositor has its server's address written in; `sitecustomize.py` (put first on the child's PYTHONPATH)
sends its requests to the mock instead. Every request records which processes of the machine hold the API token
on their command line at that moment (what `ps` on a shared host shows)."""

import json
import os
import stat
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ENTRY_ID = 4242
ENTRY_DIRECTORY = "DIR4242"
UPLOAD_ROOT = "upload"  # empiar-depositor's upload folder on EMPIAR's transfer hosts
EMPIAR_SERVER = "https://www.ebi.ac.uk"

SITECUSTOMIZE = """
import os
import requests.sessions

_request = requests.sessions.Session.request


def request(self, method, url, *arguments, **options):
    return _request(self, method, url.replace({server!r}, os.environ["MOCK_EMPIAR_URL"]), *arguments, **options)


requests.sessions.Session.request = request
"""

# ascp as empiar-depositor checks it (`"ascp"` alone prints its usage and exits 112) and runs it: the last two
# arguments are the source and user@host:destination. A folder sent to a destination that does not exist yet
# becomes that destination; to an existing folder, it goes inside it (cp -r's rule).
ASCP = """#!{python}
import json, os, shutil, sys
from pathlib import Path
if len(sys.argv) == 1:
    print("Usage: ascp [-{{ATDTcpqv}}] [-l rate] SRC... [[user@]host:]DEST")
    sys.exit(112)
with open(os.environ["MOCK_TOOLS_LOG"], "a") as log:
    log.write(json.dumps({{"tool": "ascp", "argv": sys.argv[1:], "password": os.environ.get("ASPERA_SCP_PASS")}}))
    log.write("\\n")
source, destination = Path(sys.argv[-2]), Path(os.environ["MOCK_REMOTE"], sys.argv[-1].split(":", 1)[1])
if destination.is_dir():
    destination = destination / source.name
destination.parent.mkdir(parents=True, exist_ok=True)
shutil.copytree(source, destination)
"""

# The globus CLI as empiar-depositor drives it: login, the endpoint search and activation, `ls`, the activation of
# EMPIAR's endpoint with the transfer password, `transfer -r SRC DEST` (SRC's content into DEST) and `task wait`.
GLOBUS = """#!{python}
import json, os, shutil, sys
from pathlib import Path
arguments = sys.argv[1:]
with open(os.environ["MOCK_TOOLS_LOG"], "a") as log:
    log.write(json.dumps({{"tool": "globus", "argv": arguments}}) + "\\n")
if arguments[0] == "login":
    print("You are already logged in")
elif arguments[:2] == ["endpoint", "search"]:
    print(json.dumps({{"DATA": [{{"id": arguments[2], "display_name": "laptop"}}]}}))
elif arguments[:2] == ["endpoint", "activate"]:
    print("Endpoint activated successfully" if "--myproxy" in arguments else "Endpoint is already activated")
elif arguments[0] == "ls":
    print(json.dumps({{"DATA": []}}))
elif arguments[0] == "transfer":
    source = Path(arguments[-2].split(":", 1)[1])
    destination = Path(os.environ["MOCK_REMOTE"], arguments[-1].split(":", 1)[1])
    shutil.copytree(source, destination, dirs_exist_ok=True)
    print(json.dumps({{"message": "The transfer has been accepted and a task has been created and queued for "
                      "execution", "task_id": "task-1"}}))
elif arguments[:2] == ["task", "wait"]:
    print("Task task-1 SUCCEEDED")
else:
    sys.exit(2)
"""


@dataclass
class EmpiarRequest:
    method: str
    path: str
    headers: dict
    body: bytes
    token_on_a_command_line: list[str]

    def json(self):
        return json.loads(self.body)


def command_lines_holding(secret: str) -> list[str]:
    """The command lines of this machine's processes that hold `secret`, as `ps` would show them."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(secret.encode() in argument for argument in arguments):
            found.append(" ".join(argument.decode(errors="replace") for argument in arguments))
    return found


@dataclass
class EmpiarApi:
    """EMPIAR's deposition API (the endpoints empiar-depositor 1.6b30 calls), recording what it receives."""

    token: str
    requests: list[EmpiarRequest] = field(default_factory=list)
    url: str = ""

    def __enter__(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                api.requests.append(
                    EmpiarRequest("POST", self.path, dict(self.headers), body, command_lines_holding(api.token))
                )
                if self.path.endswith("/deposit_entry/"):
                    answer = {"deposition": True, "directory": ENTRY_DIRECTORY, "entry_id": ENTRY_ID}
                elif self.path.endswith("/submit_entry/"):
                    answer = {"submission": True, "empiar_id": "EMPIAR-99999"}
                else:
                    answer = {}
                payload = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

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

    def paths(self) -> list[str]:
        return [request.path.removeprefix("/empiar/deposition/api/") for request in self.requests]


def _executable(path: Path, text: str) -> Path:
    path.write_text(text.format(python=sys.executable), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@dataclass(frozen=True)
class TransferTools:
    ascp: Path
    remote: Path
    log: Path

    def calls(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]

    def entry_folder(self) -> Path:
        """Where EMPIAR keeps the entry's files: its top-level `data` folder is in here."""
        return self.remote / UPLOAD_ROOT / ENTRY_DIRECTORY


def transfer_tools(folder: Path) -> TransferTools:
    tools = folder / "tools"
    tools.mkdir(parents=True, exist_ok=True)
    _executable(tools / "globus", GLOBUS)
    (folder / "remote").mkdir(exist_ok=True)
    return TransferTools(_executable(tools / "ascp", ASCP), folder / "remote", folder / "tools.log")


def environment(folder: Path, api: EmpiarApi, tools: TransferTools, **variables: str) -> dict:
    """The environment the depositor runs the script in, with EMPIAR and the transfer tools on this machine."""
    site = folder / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE.format(server=EMPIAR_SERVER), encoding="utf-8")
    return {
        "PATH": os.pathsep.join([str(tools.ascp.parent), str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "PYTHONPATH": str(site),
        "HOME": str(folder),
        "MOCK_EMPIAR_URL": api.url,
        "MOCK_REMOTE": str(tools.remote),
        "MOCK_TOOLS_LOG": str(tools.log),
        **variables,
    }
