using System.Runtime.CompilerServices;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// Correlates a time-ordered stream of signals into <see cref="Finding"/>s in one pass with bounded memory. Immutable and
/// thread-safe; each run uses its own <see cref="CorrelationSession"/>.
/// </summary>
public sealed class CorrelationEngine
{
    private readonly CorrelationEngineOptions _options;

    /// <summary>Creates an engine with default options.</summary>
    /// <param name="rules">The correlation rules.</param>
    public CorrelationEngine(CorrelationRuleSet rules)
        : this(rules, new CorrelationEngineOptions())
    {
    }

    /// <summary>Creates an engine.</summary>
    /// <param name="rules">The correlation rules.</param>
    /// <param name="options">The options; copied, so later changes do not affect the engine.</param>
    /// <exception cref="ArgumentException">An option is out of range, or a rule's window exceeds <see cref="CorrelationEngineOptions.MaxWindow"/>.</exception>
    public CorrelationEngine(CorrelationRuleSet rules, CorrelationEngineOptions options)
    {
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Clone();
        _options.Validate();
        foreach (var rule in rules.Rules)
        {
            if (rule.Window > _options.MaxWindow)
            {
                throw new ArgumentException($"Rule '{rule.Id}' has a window of {rule.Window}, longer than MaxWindow ({_options.MaxWindow}).", nameof(rules));
            }
        }
    }

    /// <summary>Gets the correlation rules.</summary>
    public CorrelationRuleSet Rules { get; }

    /// <summary>Gets the allowed lateness of out-of-order records.</summary>
    public TimeSpan AllowedLateness => _options.AllowedLateness;

    /// <summary>Creates a session for incremental use (push records, drain findings).</summary>
    /// <returns>A new session.</returns>
    public CorrelationSession CreateSession() => new(Rules, _options, 0, 1);

    /// <summary>
    /// Creates a session that keeps state only for the keys of one partition (a stable hash of the key modulo
    /// <paramref name="partitionCount"/>). Feed every session the whole stream; together they find exactly what one session finds.
    /// </summary>
    /// <param name="partition">The 0-based partition this session owns.</param>
    /// <param name="partitionCount">The number of partitions.</param>
    /// <returns>A new session.</returns>
    public CorrelationSession CreateSession(int partition, int partitionCount)
    {
        if (partitionCount < 1 || partition < 0 || partition >= partitionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(partition), "The partition must be in [0, partitionCount) and partitionCount at least 1.");
        }

        return new CorrelationSession(Rules, _options, partition, partitionCount);
    }

    /// <summary>Correlates a stream lazily: findings are yielded as their windows close, the rest when the stream ends.</summary>
    /// <param name="signals">The records, ideally in event-time order (out-of-order within the allowed lateness is fine).</param>
    /// <returns>The findings, in close order.</returns>
    public IEnumerable<Finding> Correlate(IEnumerable<Signal> signals)
    {
        if (signals is null)
        {
            throw new ArgumentNullException(nameof(signals));
        }

        return Run(signals, CreateSession());
    }

    /// <summary>Correlates an asynchronous stream; findings are yielded as their windows close.</summary>
    /// <param name="signals">The records.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The findings, in close order.</returns>
    public async IAsyncEnumerable<Finding> CorrelateAsync(IAsyncEnumerable<Signal> signals, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (signals is null)
        {
            throw new ArgumentNullException(nameof(signals));
        }

        var session = CreateSession();
        await foreach (var signal in signals.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            session.Push(signal);
            if (session.HasFindings)
            {
                foreach (var finding in session.DrainFindings())
                {
                    yield return finding;
                }
            }
        }

        session.Complete();
        foreach (var finding in session.DrainFindings())
        {
            yield return finding;
        }
    }

    /// <summary>
    /// Correlates a list on several threads, one key partition each, and returns the findings in canonical order
    /// (<see cref="FindingComparer"/>); the result equals a single-threaded run sorted the same way.
    /// </summary>
    /// <param name="signals">The records.</param>
    /// <param name="partitionCount">The number of partitions (threads).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The findings, sorted.</returns>
    public IReadOnlyList<Finding> CorrelateInParallel(IReadOnlyList<Signal> signals, int partitionCount, CancellationToken cancellationToken = default)
    {
        if (signals is null)
        {
            throw new ArgumentNullException(nameof(signals));
        }

        var sessions = new CorrelationSession[partitionCount];
        for (var p = 0; p < partitionCount; p++)
        {
            sessions[p] = CreateSession(p, partitionCount);
        }

        var results = new IReadOnlyList<Finding>[partitionCount];
        Parallel.For(0, partitionCount, new ParallelOptions { CancellationToken = cancellationToken }, p =>
        {
            var session = sessions[p];
            for (var i = 0; i < signals.Count; i++)
            {
                if ((i & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                session.Push(signals[i]);
            }

            session.Complete();
            results[p] = session.DrainFindings();
        });

        var all = new List<Finding>();
        foreach (var part in results)
        {
            all.AddRange(part);
        }

        all.Sort(FindingComparer.Instance);
        return all;
    }

    private static IEnumerable<Finding> Run(IEnumerable<Signal> signals, CorrelationSession session)
    {
        foreach (var signal in signals)
        {
            session.Push(signal);
            if (session.HasFindings)
            {
                foreach (var finding in session.DrainFindings())
                {
                    yield return finding;
                }
            }
        }

        session.Complete();
        foreach (var finding in session.DrainFindings())
        {
            yield return finding;
        }
    }
}
