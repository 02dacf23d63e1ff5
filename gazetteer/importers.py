"""Read and write the user's entries as files: CSV, GeoJSON and GeoNames dumps (``SY.txt``, ``SY.zip``,
``allCountries.txt``).

Readers stream: they yield one :class:`Entry` (or a :class:`RowError` naming the file, line and reason) at a time,
so a 1.5 GB GeoNames dump never sits in memory. Writers produce files the readers read back unchanged.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import ImportFileError
from .files import feature_collection, json_value, point_feature, read_spreadsheet_cell, spreadsheet_cell
from .model import Entry, Place, RowError

__all__ = ["EXPORT_FIELDS", "detect_format", "read_entries", "write_entries"]

#: Columns of CSV export (and properties of GeoJSON export), in order; ``name,lat,lon,country`` are required.
EXPORT_FIELDS = ("name", "lat", "lon", "country", "admin1", "kind", "feature_class", "feature_code", "aliases",
                 "population", "source", "ref")
_REQUIRED = ("name", "lat", "lon", "country")
_GEONAMES_COLUMNS = 19
Progress = Callable[[int, int], None]  # (units done, units in all)


def detect_format(path: Path) -> str:
    """``csv``, ``geojson`` or ``geonames`` from the file name (``.txt``/``.zip`` are GeoNames dumps)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".geojson", ".json"):
        return "geojson"
    if suffix in (".txt", ".zip"):
        return "geonames"
    raise ImportFileError(f"{path}: cannot tell the format from the name; use .csv, .geojson or a GeoNames "
                          ".txt/.zip dump")


#: Bad rows an import reports before it stops reading (a mislabelled or hostile file would grow without end).
MAX_BAD_ROWS = 1000
#: The most a zipped GeoNames dump may inflate to (allCountries.txt is 1.6 GB), and how many times its compressed
#: size (dumps compress about fivefold; a 1 MB zip of 1 GiB of blank lines, a thousandfold, is no dump).
MAX_INFLATED_BYTES = 4 << 30
MAX_INFLATION_RATIO = 50


def read_entries(path: str | os.PathLike[str], *, fmt: str | None = None, countries: Collection[str] | None = None,
                 feature_classes: Collection[str] | None = None,
                 progress: Progress | None = None) -> Iterator[Entry | RowError]:
    """Entries of a file, one at a time; ``countries``/``feature_classes`` keep only matching rows."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    fmt = fmt or detect_format(path)
    keep_cc = {c.upper() for c in countries} if countries else None
    keep_fc = {c.upper() for c in feature_classes} if feature_classes else None
    if fmt == "csv":
        rows: Iterator[Entry | RowError] = _read_csv(path, progress)
    elif fmt == "geojson":
        rows = _read_geojson(path, progress)
    elif fmt == "geonames":
        rows = _read_geonames(path, progress)
    else:
        raise ImportFileError(f"{path}: unknown format {fmt!r} (csv, geojson, geonames)")
    bad, first_bad = 0, ""
    for row in rows:
        if isinstance(row, RowError):
            bad += 1
            if bad > MAX_BAD_ROWS:  # a file that is all bad rows is not what was meant: stop, keep nothing
                raise ImportFileError(f"{path}: too many bad rows (more than {MAX_BAD_ROWS:,}; the first: "
                                      f"{first_bad}); is it a {fmt} file?")
            if bad == 1:
                first_bad = f"{row.where}: {row.reason}"
        elif (keep_cc and row.country.upper() not in keep_cc) or (keep_fc and row.feature_class.upper() not in keep_fc):
            continue
        yield row


def _number(value: Any, what: str, where: str, *, integer: bool = False) -> float | RowError:
    text = "" if value is None else str(value).strip()
    if not text:
        return 0 if integer and what == "population" else RowError(where, f"{what} is missing")
    try:
        number = int(text) if integer else float(text)
    except ValueError:
        return RowError(where, f"{what} {text!r} is not a number")
    if not math.isfinite(number):
        return RowError(where, f"{what} {text!r} is not a finite number")
    return number


def _entry(props: dict[str, Any], lat: Any, lon: Any, where: str, source: str) -> Entry | RowError:
    """An entry from a row's fields (strings from CSV, JSON values from GeoJSON)."""
    name = str(props.get("name") or "").strip()
    if not name:
        return RowError(where, "the name is empty")
    lat_n = _number(lat, "lat", where)
    lon_n = _number(lon, "lon", where)
    pop = _number(props.get("population"), "population", where, integer=True)
    if isinstance(lat_n, RowError):
        return lat_n
    if isinstance(lon_n, RowError):
        return lon_n
    if isinstance(pop, RowError):
        return pop
    country = str(props.get("country") or props.get("country_code") or "").strip()
    if not country:
        return RowError(where, "country is missing")
    aliases = props.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = aliases.split("|")
    if not isinstance(aliases, list | tuple) or not all(isinstance(a, str) for a in aliases):
        return RowError(where, "aliases must be a list of strings (or one string separated by |)")
    return Entry(name=name, lat=float(lat_n), lon=float(lon_n), country=country.upper(),
                 admin1=str(props.get("admin1") or ""), kind=str(props.get("kind") or "").strip().lower(),
                 feature_class=str(props.get("feature_class") or ""), feature_code=str(props.get("feature_code") or ""),
                 aliases=tuple(a.strip() for a in aliases if a.strip()), population=int(pop),
                 source=str(props.get("source") or source), ref=str(props.get("ref") or ""), where=where)


def _open_text(path: Path) -> IO[str]:
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except OSError as e:
        raise ImportFileError(f"{path}: cannot read: {e.strerror}") from None


def _read_csv(path: Path, progress: Progress | None) -> Iterator[Entry | RowError]:
    total = path.stat().st_size
    with _open_text(path) as f:
        try:
            sample = f.read(65536)
        except UnicodeDecodeError:
            raise ImportFileError(f"{path}: not UTF-8 text") from None
        if "\x00" in sample:
            raise ImportFileError(f"{path}: looks binary, not CSV")
        f.seek(0)
        read = [0]

        def counted() -> Iterator[str]:
            for line in f:
                read[0] += len(line)
                yield line

        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        reader = csv.DictReader(counted(), delimiter=delimiter)
        try:
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
        except (UnicodeDecodeError, csv.Error) as e:
            raise ImportFileError(f"{path}: unreadable CSV header: {e}") from None
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            raise ImportFileError(f"{path}: the header needs columns {', '.join(_REQUIRED)}; "
                                  f"missing {', '.join(missing)}")
        reader.fieldnames = header
        done = 0
        try:
            for row in reader:
                where = f"{path}:{reader.line_num}"
                if None in row:
                    yield RowError(where, "more fields than the header has columns")
                    continue
                row = {k: read_spreadsheet_cell(v) for k, v in row.items()}  # as written by write_entries
                yield _entry(row, row.get("lat"), row.get("lon"), where, "custom")
                done += 1
                if progress and done % 1000 == 0:
                    progress(min(read[0], total), total)
        except UnicodeDecodeError:
            raise ImportFileError(f"{path}: not UTF-8 text (after line {reader.line_num})") from None
        except csv.Error as e:
            raise ImportFileError(f"{path}:{reader.line_num}: malformed CSV: {e}") from None
    if progress:
        progress(total, total)


def _read_geojson(path: Path, progress: Progress | None) -> Iterator[Entry | RowError]:
    try:
        doc = json_value(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise ImportFileError(f"{path}: malformed JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    except ValueError as e:
        raise ImportFileError(f"{path}: malformed JSON: {e}") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(
            doc.get("features"), list):
        raise ImportFileError(f"{path}: not a GeoJSON FeatureCollection")
    features = doc["features"]
    for i, feat in enumerate(features, 1):
        where = f"{path} feature {i}"
        geom = feat.get("geometry") if isinstance(feat, dict) else None
        if not isinstance(geom, dict) or geom.get("type") != "Point":
            yield RowError(where, "not a Point feature")
            continue
        coords = geom.get("coordinates")
        if not isinstance(coords, list) or len(coords) < 2:
            yield RowError(where, "Point has no [lon, lat] coordinates")
            continue
        props = feat.get("properties") or {}
        if not isinstance(props, dict):
            yield RowError(where, "properties is not an object")
            continue
        yield _entry(props, coords[1], coords[0], where, "custom")
        if progress:
            progress(i, len(features))


def _geonames_lines(path: Path) -> tuple[Iterator[str], int, Callable[[], None]]:
    """Lines of a GeoNames dump (plain or zipped), its size in bytes, and a close function."""
    if path.suffix.lower() == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as e:
            raise ImportFileError(f"{path}: not a readable zip file: {e}") from None
        unsafe = [n for n in zf.namelist() if n.startswith(("/", "\\")) or ".." in n.replace("\\", "/").split("/")]
        names = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if unsafe or len(names) != 1:
            zf.close()
            if unsafe:
                raise ImportFileError(f"{path}: refused: a member's name leaves the archive ({unsafe[0]!r})")
            raise ImportFileError(f"{path}: expected one GeoNames .txt file inside, found {len(names)}")
        info = zf.getinfo(names[0])
        size = info.file_size
        if size > MAX_INFLATED_BYTES or size > MAX_INFLATION_RATIO * max(info.compress_size, 1) + (1 << 20):
            zf.close()
            raise ImportFileError(f"{path}: refused: {names[0]} would inflate to {size:,} bytes from "
                                  f"{info.compress_size:,} (a GeoNames dump compresses about fivefold)")
        try:
            member = zf.open(names[0])
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as e:  # encrypted, unknown method
            zf.close()
            raise ImportFileError(f"{path}: cannot read {names[0]} inside: {e}") from None
        text = io.TextIOWrapper(member, encoding="utf-8", newline="\n")

        def close() -> None:
            text.close()
            zf.close()

        return iter(text), size, close
    plain = path.open(encoding="utf-8", newline="\n")
    return iter(plain), path.stat().st_size, plain.close


def _is_code(alias: str) -> bool:
    """Airport/ISO-like codes in GeoNames alternate names (``DAM``, ``SYALP``) would match ordinary words."""
    return (alias.isupper() and len(alias) <= 5) or any(ch.isdigit() for ch in alias) or alias.startswith("http")


def _read_geonames(path: Path, progress: Progress | None) -> Iterator[Entry | RowError]:
    lines, total, close = _geonames_lines(path)
    done = 0
    try:
        for n, line in enumerate(lines, 1):
            done += len(line)
            if progress and n % 5000 == 0:
                progress(min(done, total), total)
            if not line.strip():
                continue  # a blank line is no row (GeoNames writes none)
            where = f"{path}:{n}"
            cols = line.rstrip("\n").split("\t")
            if len(cols) != _GEONAMES_COLUMNS:
                if n == 1 and "\x00" in line:
                    raise ImportFileError(f"{path}: looks binary, not a GeoNames dump")
                yield RowError(where, f"expected {_GEONAMES_COLUMNS} tab-separated columns, found {len(cols)}")
                continue
            aliases = [a for a in cols[3].split(",") if a and a != cols[1] and not _is_code(a)]
            yield _entry({"name": cols[1], "country": cols[8], "admin1": cols[10], "feature_class": cols[6],
                          "feature_code": cols[7], "aliases": aliases, "population": cols[14] or "0",
                          "ref": f"geonames:{cols[0]}"}, cols[4], cols[5], where, "geonames-dump")
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: not UTF-8 text") from None
    except (zipfile.BadZipFile, EOFError, zlib.error) as e:  # a damaged member, found only while reading
        raise ImportFileError(f"{path}: the zip file is damaged: {e}") from None
    finally:
        close()
    if progress:
        progress(total, total)


def _row(p: Place) -> dict[str, Any]:
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country_code, "admin1": p.admin1,
            "kind": p.kind, "feature_class": p.feature_class, "feature_code": p.feature_code,
            "aliases": list(p.aliases), "population": p.population, "source": p.source, "ref": p.ref}


def write_entries(places: Iterable[Place], out: IO[str], *, fmt: str, raw_csv: bool = False) -> int:
    """Write entries as ``geojson`` or ``csv`` (aliases joined by ``|``; a cell that starts like a spreadsheet
    formula gets a leading apostrophe unless ``raw_csv``); return how many were written."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        writer.writeheader()
        for p in places:
            row = _row(p)
            row["aliases"] = "|".join(p.aliases)
            row["lat"], row["lon"] = repr(p.lat), repr(p.lon)
            writer.writerow(row if raw_csv else {k: spreadsheet_cell(v) for k, v in row.items()})
            count += 1
        return count
    if fmt != "geojson":
        raise ValueError(f"unknown export format {fmt!r}")
    features = []
    for p in places:
        features.append(point_feature(p.lat, p.lon, {k: v for k, v in _row(p).items() if k not in ("lat", "lon")}))
        count += 1
    json.dump(feature_collection(features), out, ensure_ascii=False, indent=1)
    out.write("\n")
    return count
