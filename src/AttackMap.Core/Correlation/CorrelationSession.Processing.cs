using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>The per-record work of a session: dispatch to rule steps, key state, pattern checks, closing windows.</summary>
public sealed partial class CorrelationSession
{
    private void Process(PendingSignal pending)
    {
        var ticks = pending.Ticks;
        var sequence = _sequence++;
        Statistics.SignalsProcessed++;
        CloseBefore(ticks);

        for (var r = 0; r < _rules.Length; r++)
        {
            _rules[r].Evict(ticks);
            foreach (var tracker in _seen[r])
            {
                tracker?.Evict(ticks);
            }
        }

        _matches.Clear();
        _dispatcher.Collect(pending.Signal, _matches, _dispatch);
        MatchTarget? previous = null;
        string? previousKey = null;
        for (var i = 0; i < _matches.Count; i++)
        {
            var target = _matches[i];
            var key = target.Match.KeyField is { } keyField
                ? CorrelationKeys.GetField(pending.Signal, keyField)
                : CorrelationKeys.Get(pending.Signal, target.Rule.Rule.GroupBy);
            if (key is null
                || (_partitionCount > 1 && StableHash.Partition(key, _partitionCount) != _partition)
                || (previous is not null && previous.Order == target.Order && string.Equals(previousKey, key, StringComparison.Ordinal)))
            {
                continue;
            }

            previous = target;
            previousKey = key;
            if (_seen[target.Rule.Index][target.StepIndex] is { } seen && !seen.Observe(key, pending.Signal, ticks))
            {
                continue;
            }

            Add(target, key, pending.Signal, ticks, sequence);
        }

        UpdateCounts();
    }

    private void Add(MatchTarget target, string key, Signal signal, long ticks, long sequence)
    {
        var rule = target.Rule;
        var ruleState = _rules[rule.Index];
        KeyState state;
        if (rule.Rule.Ordered && target.StepIndex > 0)
        {
            // A later step only counts after the earlier ones are met; records that come later cannot change that,
            // so a record that arrives too early is useless now and forever, and is not kept.
            if (!ruleState.TryGet(key, out state!)
                || (state.Episode is null && !PatternEvaluator.PrefixSatisfied(state, target.StepIndex, ticks - rule.WindowTicks, _scratch)))
            {
                return;
            }

            ruleState.Touch(key, ticks, out _);
        }
        else
        {
            state = ruleState.Touch(key, ticks, out _);
        }

        var step = rule.Rule.Steps[target.StepIndex];
        var distinct = step.MinDistinct > 0 ? CorrelationKeys.GetField(signal, step.DistinctField!) : null;
        var record = new FindingRecord(signal.Origin, signal.Family, signal.Table, signal.Time!.Value, signal.MatchKey, step.Name);
        var entry = new StepEntry(record, ticks, sequence, target.StepIndex, distinct);
        if (state.Episode is { } episode)
        {
            episode.Add(entry, _options.MaxRecordsPerFinding);
            return;
        }

        var horizon = ticks - rule.WindowTicks;
        foreach (var buffer in state.Buffers)
        {
            buffer.EvictBefore(horizon);
        }

        if (state.Buffers[target.StepIndex].Add(entry, _options.MaxRecordsPerKey))
        {
            Statistics.RecordsTrimmed++;
        }

        if (!PatternEvaluator.TryComplete(state, target.StepIndex, _selected, _scratch))
        {
            return;
        }

        var records = new List<StepEntry>(Math.Min(_selected.Count, _options.MaxRecordsPerFinding));
        var first = _selected[0].Ticks;
        for (var i = 0; i < _selected.Count; i++)
        {
            first = _selected[i].Ticks < first ? _selected[i].Ticks : first;
        }

        var opened = new Episode(state, records, first, first + rule.WindowTicks, _episodes++);
        foreach (var selected in _selected)
        {
            opened.Add(selected, _options.MaxRecordsPerFinding);
        }

        foreach (var buffer in state.Buffers)
        {
            buffer.Clear();
        }

        state.Episode = opened;
        _open.Push(opened);
    }

    private void CloseBefore(long ticks)
    {
        while (_open.Count > 0 && _open.Peek().DeadlineTicks < ticks)
        {
            Close(_open.Pop());
        }
    }

    private void Close(Episode episode)
    {
        episode.Owner.Episode = null;
        _findings.Add(FindingFactory.Create(episode));
        Statistics.FindingsEmitted++;
    }

    private void UpdateCounts()
    {
        var active = 0;
        var seenCount = 0;
        for (var r = 0; r < _rules.Length; r++)
        {
            active += _rules[r].Count;
            foreach (var tracker in _seen[r])
            {
                seenCount += tracker?.Count ?? 0;
            }
        }

        Statistics.ActiveStateCount = active;
        Statistics.SeenValueHistoryCount = seenCount;
        Statistics.PeakActiveStateCount = Math.Max(Statistics.PeakActiveStateCount, active);
    }
}
