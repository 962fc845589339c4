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
            var record = episode.Records[i].Record;
            records[i] = record;
            hash = StableHash.Add(hash, record.Origin.File);
            hash = StableHash.Add(hash, record.Origin.RecordIndex);
        }

        var id = hash.ToString("x16", CultureInfo.InvariantCulture);
        return new Finding(id, rule.Rule, rule.Techniques, rule.Tactics, state.Key, records, episode.Truncated);
    }
}
