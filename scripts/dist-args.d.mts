// Types for the packaging script's arguments, so that tests can call it checked.
export declare const builderArgs: (platform: string, arch: string, extra?: readonly string[]) => string[];
