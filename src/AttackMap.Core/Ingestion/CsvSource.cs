using System.Text;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Streams records out of a Sentinel / Log Analytics CSV export. The table of each row comes from its
/// <c>$table</c> or <c>Type</c> column, else from the headers; a file whose headers hold the key columns of no
/// known table is reported as unrecognised rather than guessed.
/// </summary>
internal static class CsvSource
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

    public static IEnumerable<LogRecord> Read(Stream stream, string file, LogReaderOptions options, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new CsvReader(text, options.MaxRecordBytes);
        var cells = new List<string>();
        long index = 0;
        CsvHeader? header = null;
        List<string>? supported = null;
        var hasTableColumn = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogRecord? failure = null;
            bool more;
            try
            {
                more = csv.TryReadRow(cells);
            }
            catch (FormatException e)
            {
                failure = LogRecord.Rejected(new SignalOrigin(file, index++, csv.RowLine), RejectionKind.Malformed, "invalid CSV: " + e.Message + "; the rest of the file was not read");
                more = false;
            }

            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            if (header is null)
            {
                header = new CsvHeader(cells.ToArray());
                hasTableColumn = header.Contains("$table") || header.Contains("Type");
                supported = SupportedTables(header);
                if (supported.Count == 0 && !hasTableColumn)
                {
                    yield return LogRecord.Rejected(new SignalOrigin(file, index++, csv.RowLine, 0), RejectionKind.UnsupportedShape,
                        "CSV headers do not contain the key columns of a known table (SigninLogs, AuditLogs, AzureActivity, SecurityAlert, AADUserRiskEvents, ...); headers seen: " + Shorten(header.Names));
                    yield break;
                }

                continue;
            }

            var origin = new SignalOrigin(file, index++, csv.RowLine);
            var view = new CsvRecordView(header, cells.ToArray());
            var table = view.Text("$table") ?? view.Text("Type");
            if (table is null)
            {
                if (supported!.Count == 0)
                {
                    yield return LogRecord.Rejected(origin, RejectionKind.UnrecognizedRecord, "row names no table ($table / Type empty) and the headers fit no known table");
                    continue;
                }

                table = supported[0];
            }

            if (LogTables.IsKnownTable(table) && !supported!.Contains(table, StringComparer.OrdinalIgnoreCase))
            {
                yield return LogRecord.Rejected(origin, RejectionKind.MissingField, $"row of table {table} but the CSV headers lack its key columns ({Describe(table)})");
                continue;
            }

            yield return RecordSafety.Classify(view, origin, table);
        }
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
