/**
 * What Microsoft's manifest validation would refuse, checked offline (its
 * service cannot be reached from CI: `office-addin-manifest validate` needs it).
 * Element order and required children follow the XSDs of the task pane add-in
 * manifest (TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd and
 * the OfficeApp 1.1 schema, as published in OfficeDev/office-js-docs-pr); a
 * parent the table does not know is reported, so the table grows with the manifest.
 */
import { parseXml, walk, type XmlElement } from './xml-tree';

/** What the checks need to know of the files behind the manifest's URLs. */
export interface ManifestFiles {
  /** The width and height of the PNG at that URL, or null when there is none. */
  pngSize(url: string): { width: number; height: number } | null;
  /** Whether the store serves a file at that URL (a page of web/ or an asset). */
  serves(url: string): boolean;
}

interface Sequence {
  /** Allowed children, in the order the schema requires. */
  children: string[];
  required?: string[];
  /** Children that may appear more than once (maxOccurs > 1). */
  repeat?: string[];
}

const SEQUENCES: Record<string, Sequence> = {
  'OfficeApp[TaskPaneApp]': {
    children: [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'Dictionary',
      'VersionOverrides',
    ],
    required: ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description'],
  },
  AppDomains: { children: ['AppDomain'], repeat: ['AppDomain'] },
  Hosts: { children: ['Host'], required: ['Host'], repeat: ['Host'] },
  Requirements: { children: ['Sets', 'Methods'] },
  Sets: { children: ['Set'], required: ['Set'], repeat: ['Set'] },
  DefaultSettings: {
    children: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
    required: ['SourceLocation'],
  },
  'VersionOverrides[VersionOverridesV1_0]': {
    children: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  },
  'Host[Workbook]': { children: ['DesktopFormFactor'] },
  DesktopFormFactor: {
    children: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
    required: ['ExtensionPoint'],
    repeat: ['ExtensionPoint'],
  },
  GetStarted: {
    children: ['Title', 'Description', 'LearnMoreUrl'],
    required: ['Title', 'Description', 'LearnMoreUrl'],
  },
  'ExtensionPoint[PrimaryCommandSurface]': {
    children: ['OfficeTab', 'CustomTab'],
    repeat: ['OfficeTab', 'CustomTab'],
  },
  OfficeTab: { children: ['Group'], required: ['Group'], repeat: ['Group'] },
  Group: {
    children: ['Label', 'Icon', 'Control'],
    required: ['Label', 'Icon', 'Control'],
    repeat: ['Control'],
  },
  Icon: { children: ['bt:Image'], required: ['bt:Image'], repeat: ['bt:Image'] },
  'Control[Button]': {
    children: ['Label', 'Supertip', 'Icon', 'Action'],
    required: ['Label', 'Supertip', 'Icon', 'Action'],
  },
  Supertip: { children: ['Title', 'Description'], required: ['Title', 'Description'] },
  'Action[ShowTaskpane]': {
    children: ['TaskpaneId', 'SourceLocation', 'Title'],
    required: ['SourceLocation'],
  },
  'Action[ExecuteFunction]': { children: ['FunctionName'], required: ['FunctionName'] },
  Resources: { children: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'] },
  'bt:Images': { children: ['bt:Image'], repeat: ['bt:Image'] },
  'bt:Urls': { children: ['bt:Url'], repeat: ['bt:Url'] },
  'bt:ShortStrings': { children: ['bt:String'], repeat: ['bt:String'] },
  'bt:LongStrings': { children: ['bt:String'], repeat: ['bt:String'] },
};

/** Which resource list an element's `resid` must name. */
type ResourceKind = 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings';
const RESID_KIND: Record<string, ResourceKind> = {
  'bt:Image': 'bt:Images',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
  SourceLocation: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
};

/** Office.js's limits on resources (OfficeAppBasicTypesV1_0.xsd). */
const MAX_ID = 32;
const MAX_LENGTH: Partial<Record<ResourceKind, number>> = {
  'bt:ShortStrings': 125,
  'bt:LongStrings': 250,
  'bt:Urls': 2048,
  'bt:Images': 2048,
};

/** Ribbon icon sizes: 16, 32 and 80 are required, the others optional. */
const REQUIRED_ICON_SIZES = [16, 32, 80];
const ICON_SIZES = new Set([16, 20, 24, 32, 40, 48, 64, 80]);

const PERMISSIONS = new Set([
  'Restricted',
  'ReadDocument',
  'ReadAllDocument',
  'WriteDocument',
  'ReadWriteDocument',
]);

const key = (e: XmlElement) => (e.attributes['xsi:type'] ? `${e.name}[${e.attributes['xsi:type']}]` : e.name);
const at = (e: XmlElement) => `<${key(e)}> (line ${e.line})`;

function orderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const { element } of walk(root)) {
    if (element.children.length === 0) continue;
    const sequence = SEQUENCES[key(element)];
    if (!sequence) {
      problems.push(
        `${at(element)}: no schema order is known for its children; add it to manifest-checks.ts`,
      );
      continue;
    }
    let last = -1;
    const seen = new Set<string>();
    for (const child of element.children) {
      const index = sequence.children.indexOf(child.name);
      if (index < 0) problems.push(`${at(child)} is not a valid child of ${at(element)}`);
      else if (index < last) problems.push(`${at(child)} is out of order in ${at(element)}`);
      else if (seen.has(child.name) && !sequence.repeat?.includes(child.name))
        problems.push(`${at(child)} appears twice in ${at(element)}`);
      last = Math.max(last, index);
      seen.add(child.name);
    }
    for (const name of sequence.required ?? [])
      if (!seen.has(name)) problems.push(`${at(element)} lacks its required <${name}>`);
  }
  return problems;
}

interface Resource {
  kind: ResourceKind;
  value: string;
  element: XmlElement;
}

function resources(root: XmlElement, problems: string[]): Map<string, Resource> {
  const defined = new Map<string, Resource>();
  for (const { element, parent } of walk(root)) {
    const kind = parent?.name as ResourceKind;
    if (!parent || MAX_LENGTH[kind] === undefined) continue;
    const id = element.attributes.id ?? '';
    const value = element.attributes.DefaultValue ?? '';
    if (!id || id.length > MAX_ID)
      problems.push(`${at(element)}: id "${id}" must be 1 to ${MAX_ID} characters`);
    if (defined.has(id)) problems.push(`${at(element)}: id "${id}" is defined twice`);
    if (!value || value.length > MAX_LENGTH[kind]!)
      problems.push(`${at(element)}: "${id}" must be 1 to ${MAX_LENGTH[kind]} characters`);
    defined.set(id, { kind, value, element });
  }
  return defined;
}

function residProblems(root: XmlElement, defined: Map<string, Resource>): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const { element } of walk(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const resource = defined.get(resid);
    const kind = RESID_KIND[element.name];
    if (!resource) problems.push(`${at(element)}: resid "${resid}" is not defined in <Resources>`);
    else if (kind && resource.kind !== kind)
      problems.push(`${at(element)}: resid "${resid}" is in <${resource.kind}>, it must be in <${kind}>`);
  }
  for (const [id, resource] of defined)
    if (!used.has(id)) problems.push(`${at(resource.element)}: "${id}" is never used`);
  return problems;
}

function iconProblems(root: XmlElement, defined: Map<string, Resource>, files: ManifestFiles): string[] {
  const problems: string[] = [];
  const expectSize = (element: XmlElement, url: string, size: number) => {
    const png = files.pngSize(url);
    if (!png) problems.push(`${at(element)}: no PNG at ${url}`);
    else if (png.width !== size || png.height !== size)
      problems.push(`${at(element)}: ${url} is ${png.width}×${png.height}, not ${size}×${size}`);
  };
  for (const { element } of walk(root)) {
    if (element.name === 'IconUrl') expectSize(element, element.attributes.DefaultValue ?? '', 32);
    if (element.name === 'HighResolutionIconUrl')
      expectSize(element, element.attributes.DefaultValue ?? '', 64);
    if (element.name !== 'Icon') continue;
    const sizes = element.children.map((image) => Number(image.attributes.size));
    for (const size of REQUIRED_ICON_SIZES)
      if (!sizes.includes(size)) problems.push(`${at(element)} lacks the required ${size} px image`);
    if (new Set(sizes).size !== sizes.length) problems.push(`${at(element)} names a size twice`);
    for (const [i, image] of element.children.entries()) {
      if (!ICON_SIZES.has(sizes[i]!))
        problems.push(`${at(image)}: ${image.attributes.size} is not an icon size`);
      const resource = defined.get(image.attributes.resid ?? '');
      if (resource?.kind === 'bt:Images') expectSize(image, resource.value, sizes[i]!);
    }
  }
  return problems;
}

/** Every URL the manifest names: attribute values of its URL elements, and the app domains. */
export function manifestUrls(root: XmlElement): { element: XmlElement; url: string }[] {
  const urls: { element: XmlElement; url: string }[] = [];
  for (const { element, parent } of walk(root)) {
    const isUrl =
      ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'bt:Image', 'bt:Url'].includes(element.name) ||
      (element.name === 'SourceLocation' && parent?.name === 'DefaultSettings');
    const value = element.attributes.DefaultValue;
    if (isUrl && value !== undefined && parent?.name !== 'Icon') urls.push({ element, url: value });
    if (element.name === 'AppDomain') urls.push({ element, url: element.text.trim() });
  }
  return urls;
}

function urlProblems(root: XmlElement, files: ManifestFiles): string[] {
  const problems: string[] = [];
  const origins = new Set<string>();
  for (const { element, url } of manifestUrls(root)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${at(element)}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${at(element)}: ${url} is not https`);
    origins.add(parsed.origin);
    if (element.name === 'AppDomain') {
      if (url !== parsed.origin) problems.push(`${at(element)}: an app domain is an origin, not ${url}`);
    } else if (!files.serves(url)) problems.push(`${at(element)}: the store serves nothing at ${url}`);
  }
  // One origin: the store serves the add-in's pages and assets itself (DESIGN §3).
  if (origins.size !== 1) problems.push(`the URLs span ${origins.size} origins: ${[...origins].join(', ')}`);
  return problems;
}

function generalProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const text = (name: string) => root.children.find((c) => c.name === name)?.text.trim() ?? '';
  if (root.name !== 'OfficeApp' || root.attributes['xsi:type'] !== 'TaskPaneApp')
    problems.push('the root is not <OfficeApp xsi:type="TaskPaneApp">');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text('Id')))
    problems.push(`<Id> "${text('Id')}" is not a GUID`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text('Version')))
    problems.push(`<Version> "${text('Version')}" is invalid`);
  if (!PERMISSIONS.has(text('Permissions')))
    problems.push(`<Permissions> "${text('Permissions')}" is invalid`);
  const hosts = root.children.find((c) => c.name === 'Hosts')?.children ?? [];
  if (!hosts.some((h) => h.attributes.Name === 'Workbook'))
    problems.push('<Hosts> does not name Workbook (Excel)');
  const ids = new Map<string, XmlElement>();
  for (const { element } of walk(root)) {
    const id = element.attributes.id;
    if (id === undefined || element.name.startsWith('bt:')) continue;
    if (id.length > 125) problems.push(`${at(element)}: id longer than 125 characters`);
    if (ids.has(id)) problems.push(`${at(element)}: id "${id}" is used twice`);
    ids.set(id, element);
  }
  return problems;
}

/** Everything wrong with a manifest, each problem with its line; empty when it passes. */
export function manifestProblems(xml: string, files: ManifestFiles): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  const defined = resources(root, problems);
  return [
    ...generalProblems(root),
    ...orderProblems(root),
    ...problems,
    ...residProblems(root, defined),
    ...iconProblems(root, defined, files),
    ...urlProblems(root, files),
  ];
}

/** The `FunctionName`s of the manifest's function commands. */
export function functionNames(xml: string): string[] {
  return [...walk(parseXml(xml))]
    .filter(({ element }) => element.name === 'FunctionName')
    .map(({ element }) => element.text.trim());
}

/** The requirement sets the manifest declares, by name, with their minimum versions. */
export function requirementSets(xml: string): Map<string, string> {
  const root = parseXml(xml);
  const requirements = root.children.find((c) => c.name === 'Requirements');
  const sets = requirements ? [...walk(requirements)].filter(({ element }) => element.name === 'Set') : [];
  return new Map(
    sets.map(({ element }) => [element.attributes.Name ?? '', element.attributes.MinVersion ?? '']),
  );
}
