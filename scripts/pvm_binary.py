"""Where `cargo build --release` puts the pvm binary: `.cargo/config.toml` builds for the host
named explicitly, so the binary is under `target/<host triple>/release/`."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def release_binary(target_dir: Path = ROOT / "target") -> Path:
    """The binary a release build into `target_dir` (cargo's `CARGO_TARGET_DIR`) makes."""
    host = subprocess.run(["rustc", "--print", "host-tuple"], check=True,
                          capture_output=True, text=True).stdout.strip()
    return target_dir / host / "release" / "pvm"
