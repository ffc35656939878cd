import { z } from 'zod';
import { SOURCES } from './sources.js';

/**
 * The endpoints of each Azure cloud `collect` can read: where to sign in, Microsoft Graph, Azure Resource Manager and
 * the Log Analytics query API. `--cloud` picks one; `--login-url`, `--graph-url`, `--arm-url` and
 * `--loganalytics-url` override single endpoints (a sovereign variant, or a test server on loopback).
 */
export type CloudId = 'public' | 'usgov' | 'china';
export const CLOUD_IDS: readonly CloudId[] = ['public', 'usgov', 'china'];

const endpoint = z.url().refine((value) => value.startsWith('https://'), 'cloud endpoints are https');

const cloudSchema = z.object({
  id: z.enum(['public', 'usgov', 'china']),
  name: z.string().min(1),
  login: endpoint,
  graph: endpoint,
  arm: endpoint,
  logAnalytics: endpoint,
  /** Whether mandatory MFA was enforced in this cloud when the sources were written (only public Azure was). */
  mandatoryMfaEnforced: z.boolean(),
  source: z.url(),
});

export type Cloud = z.infer<typeof cloudSchema>;

export const CLOUDS = z.array(cloudSchema).parse([
  {
    id: 'public',
    name: 'Azure (global)',
    login: 'https://login.microsoftonline.com',
    graph: 'https://graph.microsoft.com',
    arm: 'https://management.azure.com',
    logAnalytics: 'https://api.loganalytics.io',
    mandatoryMfaEnforced: true,
    source: SOURCES.graphNationalClouds,
  },
  {
    id: 'usgov',
    name: 'Azure Government',
    login: 'https://login.microsoftonline.us',
    graph: 'https://graph.microsoft.us',
    arm: 'https://management.usgovcloudapi.net',
    logAnalytics: 'https://api.loganalytics.us',
    mandatoryMfaEnforced: false,
    source: SOURCES.azureGovernmentEndpoints,
  },
  {
    id: 'china',
    name: 'Azure operated by 21Vianet',
    login: 'https://login.chinacloudapi.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    arm: 'https://management.chinacloudapi.cn',
    logAnalytics: 'https://api.loganalytics.azure.cn',
    mandatoryMfaEnforced: false,
    source: SOURCES.azureChinaEndpoints,
  },
]);

export function cloudById(id: CloudId): Cloud {
  const found = CLOUDS.find((cloud) => cloud.id === id);
  if (!found) throw new Error(`catalog has no cloud ${id}`);
  return found;
}
