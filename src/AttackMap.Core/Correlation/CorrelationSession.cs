using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// An incremental correlation run for a live stream: <see cref="Push"/> records as they arrive, take findings with
/// <see cref="DrainFindings"/>, and call <see cref="Complete"/> at the end to close every open window.
/// Not thread-safe: use one session per thread (see <see cref="CorrelationEngine.CreateSession(int, int)"/> for partitions).
/// </summary>
/// <remarks>
/// Records are buffered until the watermark (newest event time minus <see cref="CorrelationEngineOptions.AllowedLateness"/>)
/// passes them and are then processed in event-time order (ties: origin file, record index, arrival). A record older than the
/// watermark when it arrives is dropped and counted as late; a record without a time is counted as untimed and skipped.
/// Per-key state is evicted as soon as its window closes, so memory is bounded by the window times the active keys.
/// </remarks>
public sealed partial class CorrelationSession
{
    private readonly CorrelationEngineOptions _options;
    private readonly SignalDispatcher _dispatcher;
    private readonly DispatchScratch _dispatch;
    private readonly RuleState[] _rules;
    private readonly SeenValueTracker?[][] _seen;
    private readonly MinHeap<PendingSignal> _pending = new(PendingSignalComparer.Instance);
    private readonly MinHeap<Episode> _open = new(EpisodeComparer.Instance);
    private readonly List<MatchTarget> _matches = new();
    private readonly List<StepEntry> _selected = new();
    private readonly HashSet<string> _scratch = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = new();
    private readonly int _partition;
    private readonly int _partitionCount;
    private long _watermark = long.MinValue;
    private long _maxTicks = long.MinValue;
    private long _arrival;
    private long _sequence;
    private long _episodes;
    private bool _completed;

    internal CorrelationSession(CorrelationRuleSet rules, CorrelationEngineOptions options, int partition, int partitionCount)
    {
        _options = options;
        _dispatcher = rules.Dispatcher;
        _dispatch = rules.Dispatcher.CreateScratch();
        _partition = partition;
        _partitionCount = partitionCount;
        _rules = new RuleState[rules.Compiled.Count];
        _seen = new SeenValueTracker?[rules.Compiled.Count][];
        for (var r = 0; r < _rules.Length; r++)
        {
            var compiled = rules.Compiled[r];
            _rules[r] = new RuleState(compiled);
            _seen[r] = new SeenValueTracker?[compiled.Rule.Steps.Count];
            for (var s = 0; s < compiled.Rule.Steps.Count; s++)
            {
                var fields = compiled.Rule.Steps[s].NewValueOf;
                _seen[r][s] = fields.Count == 0 ? null : new SeenValueTracker(fields, options.MaxSeenValuesPerKey, options.NewValueHistory);
            }
        }
    }

    /// <summary>Gets the record accounting so far (a live object; take a <see cref="CorrelationStatistics.Snapshot"/> to keep values).</summary>
    public CorrelationStatistics Statistics { get; } = new();

    /// <summary>Gets the number of live (rule, key) states; bounded by the rules' windows times the active keys.</summary>
    public int ActiveStateCount => Statistics.ActiveStateCount;

    /// <summary>Gets a value indicating whether findings are waiting to be drained.</summary>
    public bool HasFindings => _findings.Count > 0;

    /// <summary>Adds a record. Findings whose window closed become available through <see cref="DrainFindings"/>.</summary>
    /// <param name="signal">The record.</param>
    /// <exception cref="InvalidOperationException">The session was completed.</exception>
    public void Push(Signal signal)
    {
        if (signal is null)
        {
            throw new ArgumentNullException(nameof(signal));
        }

        if (_completed)
        {
            throw new InvalidOperationException("The session is complete; create a new session to correlate more records.");
        }

        Statistics.SignalsReceived++;
        if (signal.Time is not { } time)
        {
            Statistics.UntimedSignals++;
            return;
        }

        var ticks = time.UtcTicks;
        if (ticks < _watermark)
        {
            Statistics.LateRecordsDropped++;
            return;
        }

        _pending.Push(new PendingSignal(signal, ticks, _arrival++));
        if (ticks > _maxTicks)
        {
            _maxTicks = ticks;
            var watermark = ticks - _options.AllowedLateness.Ticks;
            _watermark = watermark > _watermark ? watermark : _watermark;
        }

        while (_pending.Count > 0 && _pending.Peek().Ticks < _watermark)
        {
            Process(_pending.Pop());
        }

        // Every record still to come is at or after the watermark, so windows that ended before it are final.
        CloseBefore(_watermark);
        Statistics.SignalsBuffered = _pending.Count;
    }

    /// <summary>Processes every buffered record and closes every open window; the session accepts no records afterwards.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        while (_pending.Count > 0)
        {
            Process(_pending.Pop());
        }

        while (_open.Count > 0)
        {
            Close(_open.Pop());
        }

        foreach (var rule in _rules)
        {
            rule.Clear();
        }

        _completed = true;
        Statistics.SignalsBuffered = 0;
        Statistics.ActiveStateCount = 0;
    }

    /// <summary>Returns the findings emitted since the last call, in close order, and forgets them.</summary>
    /// <returns>The findings.</returns>
    public IReadOnlyList<Finding> DrainFindings()
    {
        if (_findings.Count == 0)
        {
            return Array.Empty<Finding>();
        }

        var drained = _findings.ToArray();
        _findings.Clear();
        return drained;
    }
}
