namespace AttackMap.Correlation;

/// <summary>An open finding: the pattern was satisfied, and matching records keep joining until the window closes.</summary>
internal sealed class Episode
{
    public Episode(KeyState owner, List<StepEntry> records, long firstTicks, long deadlineTicks, long number)
    {
        Owner = owner;
        Records = records;
        FirstTicks = firstTicks;
        DeadlineTicks = deadlineTicks;
        Number = number;
    }

    public KeyState Owner { get; }

    public List<StepEntry> Records { get; }

    public long FirstTicks { get; }

    /// <summary>Gets the last time a record may have to join (first record + window).</summary>
    public long DeadlineTicks { get; }

    /// <summary>Gets a session-wide sequence number (tie-break in the close queue).</summary>
    public long Number { get; }

    public int Truncated { get; set; }

    /// <summary>Adds a record unless it is already the last one (a record matching two steps joins once).</summary>
    public void Add(StepEntry entry, int capacity)
    {
        if (Records.Count > 0 && Records[Records.Count - 1].Sequence == entry.Sequence)
        {
            return;
        }

        if (Records.Count >= capacity)
        {
            Truncated++;
            return;
        }

        Records.Add(entry);
    }
}
