namespace AttackMap.Tests.Support;

/// <summary>A fact that runs only when the read-only shared data folder (<c>../shared/data</c> next to the repository) exists.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "../shared/data not found: shared-data tests need the read-only reference data next to the repository";
        }
    }
}
