using System.Globalization;

namespace AttackMap.Correlation;

/// <summary>Turns a closed episode into an immutable <see cref="Finding"/>.</summary>
internal static class FindingFactory
{
    public static Finding Create(Episode episode)
    {
        var state = episode.Owner;
        var rule = state.Rule;
        var records = new FindingRecord[episode.Records.Count];
        var hash = StableHash.Add(StableHash.Start(), rule.Rule.Id);
        hash = StableHash.Add(hash, state.Key);
        for (var i = 0; i < records.Length; i++)
        {
            var entry = episode.Records[i];
            var signal = entry.Signal;
            records[i] = new FindingRecord(signal.Origin, signal.Family, signal.Table, signal.Time!.Value, signal.MatchKey, rule.Rule.Steps[entry.Step].Name);
            hash = StableHash.Add(hash, signal.Origin.File);
            hash = StableHash.Add(hash, signal.Origin.RecordIndex);
        }

        var id = hash.ToString("x16", CultureInfo.InvariantCulture);
        return new Finding(id, rule.Rule, rule.Techniques, rule.Tactics, state.Key, records, episode.Truncated);
    }
}
