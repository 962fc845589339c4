using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// The fast path for diagnostic-settings sign-in records (one JSON Lines line or one array item): a single forward
/// pass with <see cref="Utf8JsonReader"/> that keeps only the fields <see cref="EntraSignIn"/> needs and skips the
/// rest without allocating. It declines (returns false) on anything the general path decides differently - another
/// category, a key spelled in another case, a duplicate key, a value of an unexpected kind, invalid JSON - and the
/// caller then parses the record with <see cref="JsonRecordParser"/>'s general path, so results are always equal.
/// Not thread-safe: one instance per source.
/// </summary>
internal sealed class SignInLineParser
{
    private readonly JsonReaderOptions _options;
    private readonly SignInFields _fields = new();
    private readonly string?[] _root = new string?[SignInLineNames.Root.Length];
    private readonly string?[] _properties = new string?[SignInLineNames.Properties.Length];
    private readonly List<string?> _riskV2 = new();
    private readonly List<string?> _riskV1 = new();
    private readonly LastNormalized _resourceIds = new(FieldNormalizer.ResourceId);
    private readonly LastNormalized _ips = new(FieldNormalizer.Ip);
    private readonly Range[] _rootRaw = new Range[SignInLineNames.Root.Length];
    private readonly Range[] _propertiesRaw = new Range[SignInLineNames.Properties.Length];
    private readonly LastValueCache[] _rootCache = Caches(SignInLineNames.Root.Length);
    private readonly LastValueCache[] _propertiesCache = Caches(SignInLineNames.Properties.Length);
    private readonly LastValueCache[] _statusCache = Caches(2);
    private readonly LastValueCache[] _locationCache = Caches(1);
    private string? _statusErrorCode;
    private string? _statusFailureReason;
    private string? _locationCountry;
    private bool _locationIsObject;
    private DateTimeOffset? _created;
    private SignInKind _kind;

    public SignInLineParser(int maxDepth)
    {
        // Strict JSON on purpose: a comment or trailing comma throws, which declines to the general path that allows them.
        _options = new JsonReaderOptions { MaxDepth = maxDepth };
    }

    /// <summary>Reads one record; false when the general path must decide.</summary>
    public bool TryRead(ReadOnlySpan<byte> json, out SignInKind kind)
    {
        kind = default;
        Array.Clear(_root, 0, _root.Length);
        Array.Clear(_properties, 0, _properties.Length);
        Array.Clear(_rootRaw, 0, _rootRaw.Length);
        Array.Clear(_propertiesRaw, 0, _propertiesRaw.Length);
        _riskV2.Clear();
        _riskV1.Clear();
        _statusErrorCode = _statusFailureReason = _locationCountry = null;
        _locationIsObject = false;
        _created = null;
        try
        {
            var reader = new Utf8JsonReader(json, _options);
            if (!ReadRoot(ref reader) || _root[SignInLineNames.RootCategory] is null)
            {
                return false;
            }

            kind = _kind;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Builds the record read by the last successful <see cref="TryRead"/> from the same <paramref name="json"/>; null when a
    /// fallback field that was left undecoded cannot be read (the general path then decides).
    /// </summary>
    public LogRecord? TryBuild(ReadOnlySpan<byte> json, SignalOrigin origin, SignInKind kind)
    {
        SignInFields fields;
        try
        {
            fields = Fill(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        try
        {
            return fields.Build(origin, kind);
        }
        catch (Exception e) when (RecordSafety.IsRecordError(e))
        {
            return LogRecord.Rejected(origin, RejectionKind.Malformed, "record could not be read: " + e.Message);
        }
    }

    private static LastValueCache[] Caches(int count)
    {
        var caches = new LastValueCache[count];
        for (var i = 0; i < count; i++)
        {
            caches[i] = new LastValueCache();
        }

        return caches;
    }

    private static bool KindOf(string? category, out SignInKind kind)
    {
        kind = default;
        if (category is null || !LogTables.CategoryToTable.TryGetValue(category, out var table))
        {
            return false;
        }

        switch (table)
        {
            case "SigninLogs": kind = SignInKind.UserInteractive; return true;
            case "AADNonInteractiveUserSignInLogs": kind = SignInKind.UserNonInteractive; return true;
            case "AADServicePrincipalSignInLogs": kind = SignInKind.ServicePrincipal; return true;
            case "AADManagedIdentitySignInLogs": kind = SignInKind.ManagedIdentity; return true;
            default: return false;
        }
    }

    // Decodes a fallback field left as a raw string token.
    private string? Lazy(ReadOnlySpan<byte> json, bool root, int index)
    {
        var range = root ? _rootRaw[index] : _propertiesRaw[index];
        if (range.Length == 0)
        {
            return root ? _root[index] : _properties[index];
        }

        var reader = new Utf8JsonReader(json.Slice(range.Start, range.Length), _options);
        reader.Read();
        SignInLineValues.TryText(ref reader, out var text, root ? _rootCache[index] : _propertiesCache[index]);
        return text;
    }

    private SignInFields Fill(ReadOnlySpan<byte> json)
    {
        var r = _root;
        var p = _properties;
        var f = _fields;
        f.ResultTypeRoot = r[SignInLineNames.RootResultType];
        f.StatusErrorCode = _statusErrorCode;
        f.ResultDescriptionRoot = r[SignInLineNames.RootResultDescription];
        f.StatusFailureReason = _statusFailureReason;
        f.UserId = p[SignInLineNames.UserId];
        f.UserPrincipalName = p[SignInLineNames.UserPrincipalName];
        f.UserDisplayName = f.UserPrincipalName is null ? Lazy(json, false, SignInLineNames.UserDisplayName) ?? Lazy(json, true, SignInLineNames.RootIdentity) : null;
        f.ServicePrincipalId = p[SignInLineNames.ServicePrincipalId];
        f.ServicePrincipalName = p[SignInLineNames.ServicePrincipalName];
        f.AppId = p[SignInLineNames.AppId];
        f.ParsedTime = _created ?? FlexibleTime.Parse(p[SignInLineNames.CreatedDateTime])
            ?? FlexibleTime.Parse(Lazy(json, true, SignInLineNames.RootTime) ?? Lazy(json, true, SignInLineNames.RootTimeGenerated));
        f.ResourceId = _resourceIds.Normalize(r[SignInLineNames.RootResourceId] ?? r[SignInLineNames.RootUnderscoreResourceId]);
        f.IpAddress = _ips.Normalize(p[SignInLineNames.IpAddress] ?? Lazy(json, true, SignInLineNames.RootCallerIpAddress));
        f.CorrelationId = p[SignInLineNames.CorrelationId] ?? Lazy(json, true, SignInLineNames.RootCorrelationId);
        f.TenantId = r[SignInLineNames.RootTenantId] ?? Lazy(json, false, SignInLineNames.ResourceTenantId) ?? p[SignInLineNames.HomeTenantId];
        f.HomeTenantId = p[SignInLineNames.HomeTenantId];
        f.Id = p[SignInLineNames.Id];
        f.AppDisplayName = p[SignInLineNames.AppDisplayName];
        f.ClientAppUsed = p[SignInLineNames.ClientAppUsed];
        f.ResourceDisplayName = p[SignInLineNames.ResourceDisplayName];
        f.Location = _locationIsObject
            ? _locationCountry ?? r[SignInLineNames.RootLocation]
            : p[SignInLineNames.Location] ?? r[SignInLineNames.RootLocation];
        f.AutonomousSystemNumber = p[SignInLineNames.AutonomousSystemNumber];
        f.UserAgent = p[SignInLineNames.UserAgent];
        f.RiskLevelDuringSignIn = p[SignInLineNames.RiskLevelDuringSignIn];
        f.RiskLevelAggregated = p[SignInLineNames.RiskLevelAggregated];
        f.RiskState = p[SignInLineNames.RiskState];
        f.AuthenticationRequirement = p[SignInLineNames.AuthenticationRequirement];
        f.ConditionalAccessStatus = p[SignInLineNames.ConditionalAccessStatus];
        f.RiskEventTypes = RiskTypes();
        return f;
    }

    private IReadOnlyList<string> RiskTypes()
    {
        if (_riskV2.Count == 0 && _riskV1.Count == 0)
        {
            return Array.Empty<string>();
        }

        var types = new List<string>(_riskV2.Count + _riskV1.Count);
        foreach (var type in _riskV2)
        {
            FieldNormalizer.AddDistinct(types, type);
        }

        foreach (var type in _riskV1)
        {
            FieldNormalizer.AddDistinct(types, type);
        }

        return types;
    }

    private bool ReadRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        ulong seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = SignInLineNames.MatchRoot(ref reader, ref seen);
            if (index == SignInLineNames.Decline || !reader.Read())
            {
                return false;
            }

            switch (index)
            {
                case SignInLineNames.Unknown:
                    reader.Skip();
                    break;
                case SignInLineNames.RootProperties:
                    // Exports put "category" before "properties"; without it so far, this is likely another family: decline
                    // before reading the bulk of the record.
                    if ((seen & (1UL << SignInLineNames.RootCategory)) == 0 || reader.TokenType != JsonTokenType.StartObject || !ReadProperties(ref reader))
                    {
                        return false;
                    }

                    break;
                case SignInLineNames.RootCategory:
                    if (!SignInLineValues.TryText(ref reader, out var category, _rootCache[index]) || SignInLineValues.LooksLikeJson(category)
                        || !KindOf(category, out _kind))
                    {
                        return false;
                    }

                    _root[index] = category;
                    break;
                default:
                    if (SignInLineNames.IsFallbackRoot(index) && reader.TokenType == JsonTokenType.String)
                    {
                        _rootRaw[index] = new Range((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
                    }
                    else if (!SignInLineValues.TryText(ref reader, out _root[index], _rootCache[index]))
                    {
                        return false;
                    }

                    break;
            }
        }

        // A properties object is required (else the record is flat and the general path reads it); nothing may follow the object.
        return reader.TokenType == JsonTokenType.EndObject && (seen & (1UL << SignInLineNames.RootProperties)) != 0 && !reader.Read();
    }

    private bool ReadProperties(ref Utf8JsonReader reader)
    {
        ulong seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = SignInLineNames.MatchProperty(ref reader, ref seen);
            if (index == SignInLineNames.Decline || !reader.Read())
            {
                return false;
            }

            var ok = index switch
            {
                SignInLineNames.Unknown => Skip(ref reader),
                SignInLineNames.Status => ReadStatus(ref reader),
                SignInLineNames.Location => ReadLocation(ref reader),
                SignInLineNames.RiskEventTypesV2 => SignInLineValues.TryStrings(ref reader, _riskV2),
                SignInLineNames.RiskEventTypes => SignInLineValues.TryStrings(ref reader, _riskV1),
                SignInLineNames.CreatedDateTime when TryTime(ref reader) => true,
                SignInLineNames.UserDisplayName or SignInLineNames.ResourceTenantId when reader.TokenType == JsonTokenType.String => Defer(ref reader, _propertiesRaw, index),
                _ => SignInLineValues.TryText(ref reader, out _properties[index], _propertiesCache[index]),
            };
            if (!ok)
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    // Reads a plain ISO time stamp straight from its UTF-8 bytes (it is parsed, never kept); other spellings are decoded as text.
    private bool TryTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 48)
        {
            return false;
        }

        var bytes = reader.ValueSpan;
        Span<char> chars = stackalloc char[48];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i]; // non-ASCII bytes become chars the ISO reader rejects
        }

        if (!FlexibleTime.TryParseIso(chars.Slice(0, bytes.Length), out var time))
        {
            return false;
        }

        _created = time;
        return true;
    }

    private static bool Defer(ref Utf8JsonReader reader, Range[] raw, int index)
    {
        raw[index] = new Range((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
        return true;
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    private bool ReadStatus(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => true,
        JsonTokenType.StartObject => SignInLineValues.TryObject(ref reader, SignInLineNames.StatusNames, _statusCache, out _statusErrorCode, out _statusFailureReason),
        _ => false,
    };

    private bool ReadLocation(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                _locationIsObject = true;
                return SignInLineValues.TryObject(ref reader, SignInLineNames.LocationNames, _locationCache, out _locationCountry, out _);
            case JsonTokenType.StartArray:
                return false;
            default:
                return SignInLineValues.TryText(ref reader, out _properties[SignInLineNames.Location], _propertiesCache[SignInLineNames.Location])
                    && !SignInLineValues.LooksLikeJson(_properties[SignInLineNames.Location]);
        }
    }

    // Where a fallback field's string token (quotes included) sits in the record; Length 0 when it was decoded or is absent.
    private readonly struct Range
    {
        public Range(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }
    }
}
