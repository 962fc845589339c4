using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap;

/// <summary>
/// Running totals of a classification run. Every record read ends as mapped, unmapped or rejected, so
/// <see cref="RecordsRead"/> always equals <see cref="Mapped"/> + <see cref="Unmapped"/> + <see cref="Rejected"/>.
/// Not thread-safe: fill one summary from one loop.
/// </summary>
public sealed class ClassificationSummary
{
    private readonly int[] _evidenceByKind = new int[4];
    private readonly SortedDictionary<string, UnmappedKey> _unmapped = new(StringComparer.Ordinal);

    /// <summary>Gets the ingestion totals (signals, ignored and rejected records, with every rejection's location).</summary>
    public IngestionSummary Ingestion { get; } = new();

    /// <summary>Gets the number of records read.</summary>
    public int RecordsRead => Ingestion.RecordsRead;

    /// <summary>Gets the number of records at least one rule mapped.</summary>
    public int Mapped { get; private set; }

    /// <summary>Gets the number of records read but not mapped (including records outside the five families).</summary>
    public int Unmapped { get; private set; }

    /// <summary>Gets the number of unmapped records that were outside the five families (for example ResourceHealth events).</summary>
    public int Ignored => Ingestion.Ignored;

    /// <summary>Gets the number of rejected records.</summary>
    public int Rejected => Ingestion.Rejected;

    /// <summary>Gets the number of pieces of evidence produced.</summary>
    public int EvidenceCount { get; private set; }

    /// <summary>Gets a value indicating whether the counts reconcile (read = mapped + unmapped + rejected).</summary>
    public bool IsReconciled => RecordsRead == Mapped + Unmapped + Rejected;

    /// <summary>Gets the keys (alert types, operations, activities, result codes, risk types) seen but not mapped, by family and key, with counts.</summary>
    public IReadOnlyList<UnmappedKey> UnmappedKeys => _unmapped.Values.ToArray();

    /// <summary>Gets the number of pieces of evidence of one kind.</summary>
    /// <param name="kind">The evidence kind.</param>
    /// <returns>The count.</returns>
    public int GetEvidenceCount(EvidenceKind kind) => (int)kind >= 0 && (int)kind < _evidenceByKind.Length ? _evidenceByKind[(int)kind] : 0;

    /// <summary>Adds one classified record to the totals.</summary>
    /// <param name="record">The record.</param>
    public void Add(ClassifiedRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        Ingestion.Add(record.Record);
        if (record.IsRejected)
        {
            return;
        }

        if (!record.IsMapped)
        {
            Unmapped++;
            if (record.Signal is { } signal)
            {
                var id = ((int)signal.Family).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001f" + signal.MatchKey.ToUpperInvariant();
                if (_unmapped.TryGetValue(id, out var existing))
                {
                    existing.Count++;
                }
                else
                {
                    _unmapped.Add(id, new UnmappedKey(signal.Family, signal.MatchKey, signal.Origin));
                }
            }

            return;
        }

        Mapped++;
        foreach (var evidence in record.Evidence)
        {
            EvidenceCount++;
            if ((uint)evidence.Kind < (uint)_evidenceByKind.Length)
            {
                _evidenceByKind[(int)evidence.Kind]++;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"read {RecordsRead}: mapped {Mapped}, unmapped {Unmapped} (of which {Ignored} outside the five families), rejected {Rejected}; evidence {EvidenceCount}";
}
