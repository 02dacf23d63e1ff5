"""``geo batch``: a thin command over :func:`geo.batch.run_batch`."""
from __future__ import annotations

from typing import Any

import click

from .common import errors, published_option

__all__ = ["batch_cmd"]


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Output folder: events/, places/, errors/ (partitioned) and deduplicated.parquet.")
@click.option("--text-field", default="text", show_default=True, help="JSONL input: the field with the text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL input: the field with the article id.")
@click.option("--published-field", metavar="FIELD", help="JSONL input: the field with each article's publication "
              "date (YYYY-MM-DD or a timestamp starting so); --published is the fallback.")
@click.option("--scheduler", metavar="ADDRESS", help="A running dask.distributed scheduler (tcp://host:8786); "
              "default: a local cluster, one worker per core.")
@click.option("--workers", type=int, help="Local workers (default: one per core).")
@click.option("--partition-size", type=int, default=100, show_default=True, help="Articles per partition.")
@click.option("--article-timeout", type=click.FloatRange(0.1, 86_400), default=300.0, show_default=True,
              help="Seconds one article may take; one that takes longer goes to errors/ and the run goes on.")
@published_option
@click.pass_obj
def batch_cmd(obj: Any, inputs: tuple[str, ...], output: str, text_field: str, id_field: str,
              published_field: str | None, scheduler: str | None,
              workers: int | None, partition_size: int, article_timeout: float, published: str | None) -> None:
    """Process many articles (folders, globs, .txt files, JSONL feeds) into partitioned GeoParquet, on Dask.

    Rerunning after an interruption skips the partitions already written; bad articles go to errors/ with
    their id and reason and never stop the run.
    """
    from ..batch import run_batch
    from ..errors import InputError
    from ..events.dates import parse_published
    from .progress import byte_progress

    with errors():
        if published:
            parse_published(published)
        if partition_size < 1 or (workers is not None and workers < 1):
            raise InputError("--partition-size and --workers must be at least 1")
        gaz = obj.gazetteer  # builds the stock database here once, before any worker needs it
        with byte_progress("articles") as progress:
            report = run_batch(list(inputs), output, scheduler=scheduler, workers=workers,
                               partition_size=partition_size, text_field=text_field, id_field=id_field,
                               published_field=published_field,
                               gazetteer_path=str(gaz.user.path), published=published, progress=progress,
                               article_seconds=article_timeout)
    click.echo(f"{report.partitions} partitions ({report.skipped} already done): {report.articles} articles, "
               f"{report.errors} bad, {report.events} events, {report.deduplicated} after merging reports "
               f"-> {report.out}")
