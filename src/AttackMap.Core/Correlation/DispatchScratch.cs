namespace AttackMap.Correlation;

/// <summary>Per-session memo of match results for the signal being dispatched (the dispatcher itself is shared and immutable).</summary>
internal sealed class DispatchScratch
{
    public DispatchScratch(int slots)
    {
        Stamps = new long[slots];
        Results = new bool[slots];
        for (var i = 0; i < slots; i++)
        {
            Stamps[i] = -1;
        }
    }

    public long[] Stamps { get; }

    public bool[] Results { get; }

    /// <summary>Gets or sets the number of the signal being dispatched.</summary>
    public long Current { get; set; }
}
