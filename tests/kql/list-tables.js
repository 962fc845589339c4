#!/usr/bin/env node
// Prints, as one JSON object, the Log Analytics tables that each query references according to Microsoft's Kusto
// language service (@kusto/language-service-next), for the differential test of AttackMap.Core's KqlTables.
//
//   node list-tables.js --rules <sentinel-rules folder> --schemas <schemas folder>
//   node list-tables.js --queries <file.json: {"name": "query", ...}> --schemas <schemas folder>
//
// Rules: every *.yaml (its `query`) and every arm/*.json (`properties.query` of each alertRules resource; the key is
// "arm/<file>" or "arm/<file>#<n>" when a file holds several rules). Output keys are sorted; each value is the sorted
// list of table names. The database holds every name of <schemas>/table-names.txt, with columns where the schema
// files give them, so names resolve as in a workspace (a column shadows a table of the same name).
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

function args() {
  const a = {};
  const v = process.argv.slice(2);
  for (let i = 0; i < v.length; i += 2) a[v[i].replace(/^--/, '')] = v[i + 1];
  if (!a.schemas || !(a.rules || a.queries)) {
    console.error('usage: list-tables.js (--rules <dir> | --queries <file.json>) --schemas <dir>');
    process.exit(2);
  }
  return a;
}

global.Bridge = require('@kusto/language-service-next/bridge.js');
require('@kusto/language-service-next');
const K = global.Kusto.Language;
const S = K.Symbols;

const KQL_TYPES = {
  string: 'string', datetime: 'datetime', dynamic: 'dynamic', bool: 'bool', boolean: 'bool', int: 'int', int32: 'int',
  long: 'long', int64: 'long', bigint: 'long', real: 'real', double: 'real', float: 'real', guid: 'guid',
  timespan: 'timespan', decimal: 'decimal',
};
const STANDARD = [['TenantId', 'string'], ['TimeGenerated', 'datetime'], ['Type', 'string'], ['_ResourceId', 'string'],
  ['_SubscriptionId', 'string'], ['_ItemId', 'string'], ['_BilledSize', 'real'], ['_IsBillable', 'string']];

function columnsOf(schemasDir) {
  const byTable = new Map();
  const docs = path.join(schemasDir, 'derived-azure-monitor-docs', 'azure-monitor-tables.json');
  if (fs.existsSync(docs)) {
    for (const [name, t] of Object.entries(JSON.parse(fs.readFileSync(docs, 'utf8')).tables)) byTable.set(name, t.columns);
  }
  // Per-table files (docs-derived, then Azure-Sentinel) come first; docs columns they lack are appended.
  for (const dir of [path.join(schemasDir, 'derived-azure-monitor-docs'), schemasDir]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.json') && f !== 'azure-monitor-tables.json').sort()) {
      const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      const own = (j.Properties || j.properties || []).map(p => [p.Name ?? p.name, p.Type ?? p.type]);
      const have = new Set(own.map(c => String(c[0]).toLowerCase()));
      const extra = (byTable.get(j.Name) || []).filter(c => !have.has(String(c[0]).toLowerCase()));
      byTable.set(j.Name, own.concat(extra));
    }
  }
  return byTable;
}

function schemaText(columns) {
  const seen = new Set();
  const parts = [];
  for (const [name, type] of columns.concat(STANDARD)) {
    const kqlType = KQL_TYPES[String(type || '').trim().toLowerCase()];
    if (!kqlType || seen.has(String(name).toLowerCase())) continue;
    seen.add(String(name).toLowerCase());
    parts.push(`${/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${String(name).replace(/'/g, "\\'")}']`}:${kqlType}`);
  }
  return `(${parts.join(', ')})`;
}

function database(schemasDir) {
  const names = fs.readFileSync(path.join(schemasDir, 'table-names.txt'), 'utf8').split(/\r?\n/).map(s => s.trim()).filter(Boolean);
  const columns = columnsOf(schemasDir);
  const tables = names.map(n => new S.TableSymbol.$ctor7(n, schemaText(columns.get(n) || []), ''));
  return { globals: K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol('workspace', tables)), names: new Set(names) };
}

function items(list, T) {
  const out = [];
  const n = System.Array.getCount(list, T);
  for (let i = 0; i < n; i++) out.push(System.Array.getItem(list, i, T));
  return out;
}

// Walks the syntax tree and every expansion of a called user function (where table(tableName) becomes a real table).
function referencedTables(query, db) {
  const code = K.KustoCode.ParseAndAnalyze(query, db.globals);
  const found = new Set();
  const add = (symbol) => {
    if (symbol && Bridge.is(symbol, S.TableSymbol) && db.names.has(symbol.Name)) found.add(symbol.Name);
  };
  const visit = (node) => {
    const symbol = node.ReferencedSymbol;
    if (!symbol) return;
    if (Bridge.is(symbol, S.TableSymbol)) add(symbol);
    else if (Bridge.is(symbol, S.GroupSymbol)) items(symbol.Members, S.Symbol).forEach(add);
    else if (Bridge.is(symbol, S.FunctionSymbol) && symbol.Name === 'table' && Bridge.is(node, K.Syntax.FunctionCallExpression)) add(node.ResultType);
  };
  const seen = new Set();
  const walk = (root) => root.WalkNodes((node) => {
    visit(node);
    const expansion = node.GetExpansion();
    if (expansion && !seen.has(expansion)) { seen.add(expansion); walk(expansion); }
  });
  walk(code.Syntax);
  return [...found].sort();
}

function ruleQueries(rulesDir) {
  const queries = {};
  for (const f of fs.readdirSync(rulesDir).filter(f => f.endsWith('.yaml') || f.endsWith('.yml')).sort()) {
    const doc = yaml.load(fs.readFileSync(path.join(rulesDir, f), 'utf8'));
    if (doc && typeof doc.query === 'string') queries[f] = doc.query;
  }
  const armDir = path.join(rulesDir, 'arm');
  if (fs.existsSync(armDir)) {
    for (const f of fs.readdirSync(armDir).filter(f => f.endsWith('.json')).sort()) {
      const doc = JSON.parse(fs.readFileSync(path.join(armDir, f), 'utf8'));
      const rules = (doc.resources || []).filter(r => r && r.properties && typeof r.properties.query === 'string');
      rules.forEach((r, i) => { queries[rules.length === 1 ? `arm/${f}` : `arm/${f}#${i}`] = r.properties.query; });
    }
  }
  return queries;
}

const a = args();
const db = database(a.schemas);
const queries = a.rules ? ruleQueries(a.rules) : JSON.parse(fs.readFileSync(a.queries, 'utf8'));
const result = {};
for (const key of Object.keys(queries).sort()) result[key] = referencedTables(queries[key], db);
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
