namespace AttackMap.Correlation;

/// <summary>Decides whether a key's buffers satisfy its rule and picks the records of the match.</summary>
internal static class PatternEvaluator
{
    /// <summary>
    /// Checks the rule after a record for <paramref name="stepIndex"/> was buffered. Unordered rules need every step's
    /// thresholds inside the window; ordered rules need them one after another (greedy, earliest satisfaction), so only a
    /// record of the last step can complete them. On success, <paramref name="selected"/> holds the match's records in processing order.
    /// </summary>
    public static bool TryComplete(KeyState state, int stepIndex, List<StepEntry> selected, HashSet<string> scratch)
    {
        var rule = state.Rule;
        var steps = rule.Rule.Steps;
        selected.Clear();
        if (!rule.Rule.Ordered)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var buffer = state.Buffers[i];
                if (buffer.Count < steps[i].MinCount || buffer.DistinctCount < steps[i].MinDistinct)
                {
                    return false;
                }
            }

            for (var i = 0; i < steps.Count; i++)
            {
                selected.AddRange(state.Buffers[i].Items);
            }
        }
        else
        {
            if (stepIndex != rule.LastStep || !TryOrdered(state, selected, scratch))
            {
                return false;
            }
        }

        SortAndDeduplicate(selected);
        return true;
    }

    /// <summary>Tells whether the steps before <paramref name="stepIndex"/> are met, in order, by records not older than <paramref name="minTicks"/>.</summary>
    public static bool PrefixSatisfied(KeyState state, int stepIndex, long minTicks, HashSet<string> scratch)
    {
        var after = long.MinValue;
        for (var i = 0; i < stepIndex; i++)
        {
            if (!TryStep(state, i, after, minTicks, null, scratch, out after))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryOrdered(KeyState state, List<StepEntry> selected, HashSet<string> scratch)
    {
        var after = long.MinValue;
        for (var i = 0; i < state.Buffers.Length; i++)
        {
            if (!TryStep(state, i, after, long.MinValue, selected, scratch, out after))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryStep(KeyState state, int i, long after, long minTicks, List<StepEntry>? selected, HashSet<string> scratch, out long satisfiedAt)
    {
        var step = state.Rule.Rule.Steps[i];
        var count = 0;
        satisfiedAt = long.MinValue;
        scratch.Clear();
        foreach (var entry in state.Buffers[i].Items)
        {
            if (entry.Sequence <= after || entry.Ticks < minTicks)
            {
                continue;
            }

            selected?.Add(entry);
            if (satisfiedAt != long.MinValue)
            {
                if (selected is null)
                {
                    break;
                }

                continue;
            }

            count++;
            if (entry.DistinctValue is not null && step.MinDistinct > 0)
            {
                scratch.Add(entry.DistinctValue);
            }

            if (count >= step.MinCount && scratch.Count >= step.MinDistinct)
            {
                satisfiedAt = entry.Sequence;
            }
        }

        return satisfiedAt != long.MinValue;
    }

    private static void SortAndDeduplicate(List<StepEntry> entries)
    {
        entries.Sort(static (a, b) => a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : a.Step.CompareTo(b.Step));
        var write = 0;
        for (var read = 0; read < entries.Count; read++)
        {
            if (write == 0 || entries[write - 1].Sequence != entries[read].Sequence)
            {
                entries[write++] = entries[read];
            }
        }

        entries.RemoveRange(write, entries.Count - write);
    }
}
