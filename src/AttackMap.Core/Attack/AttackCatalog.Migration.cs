namespace AttackMap.Attack;

/// <summary>Migrating technique ids written against an older release to this catalog's release.</summary>
public sealed partial class AttackCatalog
{
    /// <summary>
    /// Tells what a technique id of the older catalog <paramref name="from"/> is in this catalog: unchanged, renamed,
    /// moved to other tactics, revoked (with the end of the whole revoked-by chain), split, deprecated or unknown.
    /// </summary>
    /// <param name="techniqueId">The id as written against <paramref name="from"/> (for example <c>T1562.008</c>).</param>
    /// <param name="from">The catalog of the release the id was written against (for example <c>LoadEmbedded("18.1")</c>).</param>
    /// <returns>The migration row.</returns>
    public TechniqueMigration Migrate(string techniqueId, AttackCatalog from)
    {
        if (techniqueId is null)
        {
            throw new ArgumentNullException(nameof(techniqueId));
        }

        if (from is null)
        {
            throw new ArgumentNullException(nameof(from));
        }

        var id = techniqueId.Trim();
        var row = new TechniqueMigration { OriginalId = id, OriginalVersion = from.Version, NewVersion = Version, Outcome = MigrationOutcome.Unknown };
        if (!from.TryGetTechnique(id, out var old))
        {
            return row;
        }

        row = row with { OriginalId = old.Id, OriginalName = old.Name, OldTactics = old.Tactics };
        if (old.IsDeprecated)
        {
            return row with { Outcome = MigrationOutcome.Deprecated };
        }

        // Follow the chain here; ids missing here (unlikely) continue from their replacement in the older release.
        var startId = TryGetTechnique(old.Id, out _) ? old.Id : from.ResolveCurrent(old.Id)?.Id;
        var (current, split, deprecated) = FollowChain(startId);
        if (split is not null)
        {
            TryGetTechnique(split.RevokedBy ?? string.Empty, out var nominal);
            return row with
            {
                Outcome = MigrationOutcome.Split,
                NewId = nominal?.Id,
                NewName = nominal?.Name,
                NewTactics = nominal?.Tactics ?? Array.Empty<string>(),
                Candidates = split.SplitInto,
            };
        }

        if (current is null)
        {
            return row with { Outcome = deprecated ? MigrationOutcome.Deprecated : MigrationOutcome.Unknown };
        }

        row = row with { NewId = current.Id, NewName = current.Name, NewTactics = current.Tactics };
        if (!current.Id.Equals(old.Id, StringComparison.OrdinalIgnoreCase))
        {
            return row with { Outcome = MigrationOutcome.Revoked };
        }

        var renamed = !string.Equals(old.Name, current.Name, StringComparison.Ordinal);
        var moved = !new HashSet<string>(old.Tactics, StringComparer.OrdinalIgnoreCase).SetEquals(current.Tactics);
        return row with
        {
            Outcome = (renamed, moved) switch
            {
                (true, true) => MigrationOutcome.RenamedAndTacticMoved,
                (true, false) => MigrationOutcome.Renamed,
                (false, true) => MigrationOutcome.TacticMoved,
                _ => MigrationOutcome.Unchanged,
            },
        };
    }

    /// <summary>Migrates many ids (duplicates once each, in input order) from the older catalog <paramref name="from"/>.</summary>
    /// <param name="techniqueIds">The ids as written against <paramref name="from"/>.</param>
    /// <param name="from">The catalog of the release the ids were written against.</param>
    /// <returns>The report.</returns>
    public MigrationReport Migrate(IEnumerable<string> techniqueIds, AttackCatalog from)
    {
        if (techniqueIds is null)
        {
            throw new ArgumentNullException(nameof(techniqueIds));
        }

        if (from is null)
        {
            throw new ArgumentNullException(nameof(from));
        }

        var rows = techniqueIds
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => Migrate(id, from));
        return new MigrationReport(from.Version, Version, rows);
    }

    private (Technique? Current, Technique? Split, bool Deprecated) FollowChain(string? id)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (id is not null && TryGetTechnique(id, out var technique) && seen.Add(technique.Id))
        {
            if (technique.IsCurrent)
            {
                return (technique, null, false);
            }

            if (technique.SplitInto.Count > 0)
            {
                return (null, technique, false);
            }

            if (technique.IsDeprecated || technique.RevokedBy is null)
            {
                return (null, null, technique.IsDeprecated);
            }

            id = technique.RevokedBy;
        }

        return (null, null, false);
    }
}
