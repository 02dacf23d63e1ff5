"""``geo batch``: thousands of articles -> partitioned GeoParquet of events and places, on Dask (``plan``: inputs
and partitions; ``run``: the workers' task, resuming, the cross-article merge)."""
from __future__ import annotations

from .plan import PARTITION_SIZE, Item, Partition, plan
from .run import MANIFEST, BatchReport, deduplicate, open_events, process_partition, run_batch

__all__ = ["MANIFEST", "PARTITION_SIZE", "BatchReport", "Item", "Partition", "deduplicate", "open_events", "plan",
           "process_partition", "run_batch"]
