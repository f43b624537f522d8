"""``intervju listen``: local live transcription into a growing WebVTT.

Microphone = interviewer, system audio = informant; ``--from-wav`` runs the
same pipeline on a recording (stereo: left = microphone, right = system;
mono: «Taler 1/2»). One cue per finished turn is appended and fsynced, so the
app (Følg fil) or ``intervju parse`` read it while it grows. ``--json``
prints one JSON line per cue and a closing summary line.
"""

from __future__ import annotations

import signal
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import IntervjuError
from ._common import print_json, print_jsonl

if TYPE_CHECKING:
    from ..listen.pipeline import ListenSummary
    from ..listen.process import Listener, ListenOptions

Opt = Optional


def _percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def register(app: typer.Typer) -> None:
    """Add ``listen`` to the app."""

    @app.command("listen")
    def listen(
        out: Annotated[
            Path | None, typer.Option("--out", "-o", help="The WebVTT to write.")
        ] = None,
        model: Annotated[
            str,
            typer.Option("--model", "-m", help="base | tiny.en | a local model folder."),
        ] = "base",
        language: Annotated[str, typer.Option("--language", "-l", help="nb | en.")] = "nb",
        mic: Annotated[
            Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
            typer.Option("--mic", help="Microphone (name or id)."),
        ] = None,
        system: Annotated[
            str | None,
            typer.Option("--system", help="System-audio (loopback) device, or 'none'."),
        ] = None,
        from_wav: Annotated[
            Path | None, typer.Option("--from-wav", help="Transcribe a WAV instead of devices.")
        ] = None,
        speed: Annotated[
            str, typer.Option("--speed", help="realtime | fast (with --from-wav).")
        ] = "realtime",
        status: Annotated[
            Path | None, typer.Option("--status", help="Keep a JSON status file up to date.")
        ] = None,
        threads: Annotated[int, typer.Option("--threads", help="CPU threads (0: auto).")] = 0,
        list_devices: Annotated[
            bool, typer.Option("--list-devices", help="Print the audio devices as JSON.")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="JSON lines per cue.")] = False,
    ) -> None:
        """Transcribe the interview locally as it happens, one WebVTT cue per turn."""
        from ..listen.process import ListenOptions

        if list_devices:
            from ..listen.audio import list_devices as devices

            print_json(devices())
            return
        if out is None:
            raise IntervjuError("give the WebVTT to write with --out FILE.vtt", where="listen")
        options = ListenOptions(
            out=out,
            model=model,
            language=language,
            mic=mic,
            system=system,
            from_wav=from_wav,
            speed=speed,
            status=status,
            threads=threads,
        )
        listener, summary = _run(options, as_json)
        _report(options, listener, summary, as_json)


def _run(options: ListenOptions, as_json: bool) -> tuple[Listener, ListenSummary]:
    """Listen until the audio ends or a stop signal comes; an error goes to the status file."""
    from ..listen.process import Listener, write_status

    try:
        listener = Listener(options)
        stops = [signal.SIGINT, signal.SIGTERM]
        if sys.platform == "win32":
            stops.append(signal.SIGBREAK)  # what the app sends on Windows
        for sig in stops:
            signal.signal(sig, lambda *_: listener.stop())
        summary = listener.run(on_cue=lambda cue: _show(cue, as_json))
    except IntervjuError as exc:
        if options.status is not None:
            write_status(options.status, options, "error", error=str(exc))
        raise
    return listener, summary


def _report(
    options: ListenOptions, listener: Listener, summary: ListenSummary, as_json: bool
) -> None:
    """The closing summary: JSON on stdout with --json, else one line on stderr."""
    latencies = [cue.latency for cue in summary.cues]
    realtime = options.speed == "realtime"
    result: dict[str, Any] = {
        "out": str(options.out),
        "model": listener.model.name if listener.model else options.model,
        "language": options.language,
        "cues": len(summary.cues),
        "echoes_dropped": summary.echoes,
        "audio_seconds": round(summary.audio_seconds, 2),
        "rtf": round(summary.rtf, 3),
        "latency_p50": _round(_percentile(latencies, 50)) if realtime else None,
        "latency_p90": _round(_percentile(latencies, 90)) if realtime else None,
    }
    if as_json:
        print_jsonl({"summary": result})
    else:
        print(
            f"{result['cues']} cues → {options.out} (RTF {result['rtf']}, "
            f"{result['echoes_dropped']} echoes dropped)",
            file=sys.stderr,
        )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _show(cue: Any, as_json: bool) -> None:
    if as_json:
        print_jsonl(
            {
                "start": round(cue.start, 2),
                "end": round(cue.end, 2),
                "speaker": cue.voice,
                "text": cue.text,
                "latency": round(cue.latency, 2),
            }
        )
    else:
        minutes, seconds = divmod(int(cue.start), 60)
        print(f"[{minutes:02d}:{seconds:02d}] {cue.voice}: {cue.text}", flush=True)
