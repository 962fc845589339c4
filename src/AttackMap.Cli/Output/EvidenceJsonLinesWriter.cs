using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Cli.Output;

/// <summary>Writes classified records as JSON Lines: one object per piece of evidence, and optionally one per unmapped record.</summary>
internal sealed class EvidenceJsonLinesWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _output;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public EvidenceJsonLinesWriter(Stream output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(_buffer, Options);
    }

    public void Write(ClassifiedRecord record, bool includeUnmapped)
    {
        if (record.IsMapped)
        {
            foreach (var evidence in record.Evidence)
            {
                WriteEvidence(evidence);
            }
        }
        else if (includeUnmapped && !record.IsRejected)
        {
            WriteUnmapped(record);
        }

        // Flush every 64 KiB so memory stays flat on large runs.
        if (_buffer.Length > 64 * 1024)
        {
            Flush();
        }
    }

    public void Flush()
    {
        _writer.Flush();
        _buffer.Position = 0;
        _buffer.CopyTo(_output);
        _buffer.SetLength(0);
        _writer.Reset(_buffer);
        _output.Flush();
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
        _buffer.Dispose();
    }

    private void WriteEvidence(Evidence evidence)
    {
        var signal = evidence.Signal;
        _writer.WriteStartObject();
        WriteOrigin(signal.Origin);
        _writer.WriteString("family", signal.Family.ToString());
        _writer.WriteString("source", signal.Source.ToString());
        WriteOptional("table", signal.Table);
        _writer.WriteString("key", signal.MatchKey);
        if (signal.Time is { } time)
        {
            _writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }

        WriteOptional("principal", signal.Principal?.ToString());
        WriteOptional("resourceId", signal.ResourceId);
        WriteOptional("ipAddress", signal.IpAddress);
        _writer.WriteString("technique", evidence.Technique.Id);
        _writer.WriteString("techniqueName", evidence.Technique.Name);
        _writer.WriteStartArray("tactics");
        foreach (var tactic in evidence.Tactics)
        {
            _writer.WriteStringValue(tactic);
        }

        _writer.WriteEndArray();
        _writer.WriteString("kind", evidence.Kind.ToString());
        _writer.WriteString("rule", evidence.Rule.Id);
        _writer.WriteString("rationale", evidence.Rationale);
        if (evidence.VendorTechniques.Count > 0)
        {
            // Defender named techniques itself: show them, and whether the pack's technique agrees.
            _writer.WriteStartArray("vendorTechniques");
            foreach (var technique in evidence.VendorTechniques)
            {
                _writer.WriteStringValue(technique);
            }

            _writer.WriteEndArray();
            _writer.WriteBoolean("vendorDisagreement", evidence.VendorDisagreement);
        }

        if (signal is AzureActivityEvent activity)
        {
            // Start, Accept and Success records of one operation each become evidence; the status and operation id tell them apart.
            WriteOptional("status", activity.Status);
            WriteOptional("operationId", activity.OperationId);
            if (activity.IsFailed)
            {
                _writer.WriteBoolean("failedOperation", true);
            }
        }

        _writer.WriteEndObject();
        NewLine();
    }

    private void WriteUnmapped(ClassifiedRecord record)
    {
        _writer.WriteStartObject();
        WriteOrigin(record.Origin);
        if (record.Signal is { } signal)
        {
            _writer.WriteString("family", signal.Family.ToString());
            WriteOptional("table", signal.Table);
            _writer.WriteBoolean("unmapped", true);
            _writer.WriteString("key", signal.MatchKey);
        }
        else
        {
            _writer.WriteNull("family");
            _writer.WriteBoolean("unmapped", true);
            _writer.WriteNull("key");
            WriteOptional("ignored", record.Record.IgnoredReason);
        }

        _writer.WriteEndObject();
        NewLine();
    }

    private void WriteOrigin(SignalOrigin origin)
    {
        _writer.WriteString("file", origin.File);
        _writer.WriteNumber("index", origin.RecordIndex);
        if (origin.Line is { } line)
        {
            _writer.WriteNumber("line", line);
        }
    }

    private void WriteOptional(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _writer.WriteString(name, value);
        }
    }

    private void NewLine()
    {
        _writer.Flush();
        _buffer.WriteByte((byte)'\n');
        _writer.Reset(_buffer);
    }
}
