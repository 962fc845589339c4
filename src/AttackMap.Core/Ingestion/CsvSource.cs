using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Streams records out of a Sentinel / Log Analytics CSV export. The table of each row comes from its
/// <c>$table</c> or <c>Type</c> column, else from the headers; a file whose headers hold the key columns of no
/// known table is reported as unrecognised rather than guessed. Every record's origin carries the 1-based line and the
/// byte offset its row starts at (in the file's bytes, a UTF-8 BOM included; in the decompressed bytes for gzip).
/// </summary>
internal sealed class CsvSource : IRecordSource
{
    private static readonly (string Table, string[][] Keys)[] TableKeys =
    {
        ("SecurityAlert", new[] { new[] { "AlertType" }, new[] { "SystemAlertId", "AlertName", "DisplayName", "AlertDisplayName" } }),
        ("AADUserRiskEvents", new[] { new[] { "RiskEventType" }, new[] { "UserId", "UserPrincipalName" } }),
        ("AADRiskyUsers", new[] { new[] { "RiskLevel" }, new[] { "RiskState" }, new[] { "RiskLastUpdatedDateTime" } }),
        ("SigninLogs", new[] { new[] { "ResultType" }, new[] { "UserPrincipalName", "ServicePrincipalId" }, new[] { "AppId", "AppDisplayName" } }),
        ("AADNonInteractiveUserSignInLogs", new[] { new[] { "ResultType" }, new[] { "UserPrincipalName" }, new[] { "AppId", "AppDisplayName" } }),
        ("AADServicePrincipalSignInLogs", new[] { new[] { "ResultType" }, new[] { "ServicePrincipalId", "ServicePrincipalName" } }),
        ("AADManagedIdentitySignInLogs", new[] { new[] { "ResultType" }, new[] { "ServicePrincipalId", "ServicePrincipalName" } }),
        ("AuditLogs", new[] { new[] { "ActivityDisplayName", "OperationName" }, new[] { "TargetResources", "InitiatedBy" }, new[] { "Category", "LoggedByService", "AADOperationType" } }),
        ("AzureActivity", new[] { new[] { "OperationNameValue", "OperationName" }, new[] { "Caller", "ResourceProviderValue", "ResourceProvider", "_ResourceId", "ActivityStatusValue", "ActivityStatus" } }),
    };

    private readonly string _file;
    private readonly ByteWindow _window;
    private readonly List<string> _cells = new();
    private CsvHeader? _header;
    private List<string>? _supported;
    private long _index;
    private long _rowLine;
    private long _rowOffset;
    private bool _scanning;
    private bool _done;

    public CsvSource(Stream stream, string file, LogReaderOptions options, bool async)
    {
        _file = file;
        _window = new ByteWindow(stream, options.MaxRecordBytes, async);
    }

    public ByteWindow Window => _window;

    public SourceStep Next(List<LogRecord> output)
    {
        if (_done)
        {
            return SourceStep.End;
        }

        if (!_scanning)
        {
            var c = _window.SkipLineBreaks();
            if (c == ByteWindow.NeedMore)
            {
                return SourceStep.NeedBytes;
            }

            if (c < 0)
            {
                return SourceStep.End;
            }

            _rowLine = _window.Line;
            _rowOffset = _window.Offset;
            _scanning = true;
        }

        var scan = _window.ScanCsvRow(out var start, out var length);
        if (scan == ScanResult.Pending)
        {
            return SourceStep.NeedBytes;
        }

        _scanning = false;
        if (scan != ScanResult.Complete)
        {
            _done = scan == ScanResult.Truncated || _header is null;
            output.Add(LogRecord.Rejected(Origin(), scan == ScanResult.Truncated ? RejectionKind.Malformed : RejectionKind.TooLarge, scan == ScanResult.Truncated
                ? $"invalid CSV: unterminated quoted field (opened on line {_rowLine}); the rest of the file was not read"
                : $"row is larger than the limit of {_window.MaxRecordBytes} bytes; " + (_done ? "the rest of the file was not read" : "skipped")));
            return _done ? SourceStep.End : SourceStep.Continue;
        }

        var buffer = _window.Buffer;
        if (_rowOffset == 0 && length >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
        {
            start += 3;
            length -= 3;
            _rowOffset = 3;
        }

        CsvCells.Split(buffer, start, length, _cells);
        if (_header is null)
        {
            _header = new CsvHeader(_cells.ToArray());
            _supported = SupportedTables(_header);
            if (_supported.Count == 0 && !_header.Contains("$table") && !_header.Contains("Type"))
            {
                _done = true;
                output.Add(LogRecord.Rejected(Origin(), RejectionKind.UnsupportedShape,
                    "CSV headers do not contain the key columns of a known table (SigninLogs, AuditLogs, AzureActivity, SecurityAlert, AADUserRiskEvents, ...); headers seen: " + Shorten(_header.Names)));
                return SourceStep.End;
            }

            return SourceStep.Continue;
        }

        output.Add(Classify(new CsvRecordView(_header, _cells.ToArray()), Origin()));
        return SourceStep.Continue;
    }

    private SignalOrigin Origin() => new(_file, _index++, _rowLine, _rowOffset);

    private LogRecord Classify(CsvRecordView view, SignalOrigin origin)
    {
        var table = view.Text("$table") ?? view.Text("Type");
        if (table is null)
        {
            if (_supported!.Count == 0)
            {
                return LogRecord.Rejected(origin, RejectionKind.UnrecognizedRecord, "row names no table ($table / Type empty) and the headers fit no known table");
            }

            table = _supported[0];
        }

        if (LogTables.IsKnownTable(table) && !_supported!.Contains(table, StringComparer.OrdinalIgnoreCase))
        {
            return LogRecord.Rejected(origin, RejectionKind.MissingField, $"row of table {table} but the CSV headers lack its key columns ({Describe(table)})");
        }

        return RecordSafety.Classify(view, origin, table);
    }

    private static List<string> SupportedTables(CsvHeader header)
    {
        var tables = new List<string>();
        foreach (var (table, keys) in TableKeys)
        {
            var all = true;
            foreach (var alternatives in keys)
            {
                var any = false;
                foreach (var name in alternatives)
                {
                    if (header.Contains(name) || header.Contains(name + "_dynamic") || header.Contains(name + "_string"))
                    {
                        any = true;
                        break;
                    }
                }

                all &= any;
            }

            if (all)
            {
                tables.Add(table);
            }
        }

        return tables;
    }

    private static string Describe(string table)
    {
        foreach (var (name, keys) in TableKeys)
        {
            if (name.Equals(table, StringComparison.OrdinalIgnoreCase))
            {
                var parts = new List<string>();
                foreach (var alternatives in keys)
                {
                    parts.Add(string.Join(" or ", alternatives));
                }

                return string.Join("; ", parts);
            }
        }

        return "unknown";
    }

    private static string Shorten(IReadOnlyList<string> names)
    {
        var shown = new List<string>();
        for (var i = 0; i < names.Count && i < 12; i++)
        {
            shown.Add(names[i].Length == 0 ? "(unnamed)" : names[i]);
        }

        return string.Join(", ", shown) + (names.Count > 12 ? ", ..." : string.Empty);
    }
}
