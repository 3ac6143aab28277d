// Names Nomad fills in at run time, offered inside `${...}`: the environment of a
// running task, and the node attributes constraints and affinities compare against.
// These are not part of the job schema, so they live here. Descriptions are ours.

export interface RuntimeName {
  readonly name: string;
  readonly description: string;
  /** First Nomad version that sets it, when later than 1.0. */
  readonly since?: string;
}

/** Task environment variables, usable as `${NOMAD_...}` in task config, env, templates and services. */
export const TASK_ENVIRONMENT: readonly RuntimeName[] = [
  { name: 'NOMAD_ALLOC_DIR', description: 'Path of the directory shared by every task of the allocation.' },
  { name: 'NOMAD_TASK_DIR', description: "Path of this task's private local directory." },
  { name: 'NOMAD_SECRETS_DIR', description: "Path of this task's secrets directory, not readable by other tasks." },
  { name: 'NOMAD_ALLOC_ID', description: 'Full ID of the allocation.' },
  { name: 'NOMAD_SHORT_ALLOC_ID', description: 'First eight characters of the allocation ID.' },
  { name: 'NOMAD_ALLOC_NAME', description: 'Allocation name: job, group and index, such as web.app[0].' },
  { name: 'NOMAD_ALLOC_INDEX', description: 'Index of this allocation within its group, from 0 to count - 1.' },
  { name: 'NOMAD_TASK_NAME', description: 'Name of the task.' },
  { name: 'NOMAD_GROUP_NAME', description: 'Name of the task group.' },
  { name: 'NOMAD_JOB_NAME', description: 'Name of the job.' },
  { name: 'NOMAD_JOB_ID', description: 'ID of the job; for a dispatched or periodic child, the child ID.' },
  { name: 'NOMAD_JOB_PARENT_ID', description: 'ID of the parent job of a dispatched or periodic child job.' },
  { name: 'NOMAD_DC', description: 'Datacenter of the node running the task.' },
  { name: 'NOMAD_REGION', description: 'Region of the node running the task.' },
  { name: 'NOMAD_NAMESPACE', description: 'Namespace of the job.' },
  { name: 'NOMAD_CPU_LIMIT', description: 'CPU share reserved for the task, in MHz.' },
  { name: 'NOMAD_CPU_CORES', description: 'The CPU cores reserved for the task, when resources.cores is set.', since: '1.1.0' },
  { name: 'NOMAD_MEMORY_LIMIT', description: 'Memory reserved for the task, in MB.' },
  { name: 'NOMAD_MEMORY_MAX_LIMIT', description: 'Memory the task may burst up to, in MB, when memory_max is set.', since: '1.1.0' },
];

/** Per-port variables; the port label is appended, e.g. NOMAD_PORT_http. */
export const PORT_VARIABLE_PREFIXES: readonly RuntimeName[] = [
  { name: 'NOMAD_PORT_', description: 'Port number the task should listen on for this port label.' },
  { name: 'NOMAD_IP_', description: 'IP address bound for this port label.' },
  { name: 'NOMAD_ADDR_', description: 'IP:port for this port label.' },
  { name: 'NOMAD_HOST_PORT_', description: 'Port on the host that maps to this port label.' },
  { name: 'NOMAD_HOST_IP_', description: 'Host IP address for this port label.' },
  { name: 'NOMAD_HOST_ADDR_', description: 'Host IP:port for this port label.' },
];

export const META_VARIABLE_PREFIX: RuntimeName = {
  name: 'NOMAD_META_',
  description: 'Value of a job, group or task meta key; the key is appended, e.g. NOMAD_META_owner.',
};

/** Node properties available as `${node.*}`, `${attr.*}` and `${meta.*}` in constraints, affinities and spreads. */
export const NODE_TARGETS: readonly RuntimeName[] = [
  { name: 'node.unique.id', description: 'ID of the client node.' },
  { name: 'node.unique.name', description: 'Name of the client node.' },
  { name: 'node.datacenter', description: 'Datacenter of the client node.' },
  { name: 'node.class', description: 'Node class set in the client configuration.' },
  { name: 'node.pool', description: 'Node pool the client belongs to.', since: '1.6.0' },
  { name: 'attr.kernel.name', description: 'Kernel of the node, such as linux, darwin or windows.' },
  { name: 'attr.kernel.version', description: 'Kernel version of the node.' },
  { name: 'attr.os.name', description: 'Operating system distribution, such as ubuntu.' },
  { name: 'attr.os.version', description: 'Version of the operating system distribution.' },
  { name: 'attr.cpu.arch', description: 'CPU architecture, such as amd64 or arm64.' },
  { name: 'attr.cpu.numcores', description: 'Number of CPU cores of the node.' },
  { name: 'attr.cpu.frequency', description: 'CPU frequency in MHz.' },
  { name: 'attr.cpu.totalcompute', description: 'Total CPU capacity of the node in MHz (cores times frequency).' },
  { name: 'attr.memory.totalbytes', description: 'Total memory of the node in bytes.' },
  { name: 'attr.unique.hostname', description: 'Hostname of the node.' },
  { name: 'attr.unique.network.ip-address', description: 'IP address Nomad detected for the node.' },
  { name: 'attr.unique.storage.bytestotal', description: 'Size of the disk holding the Nomad data directory, in bytes.' },
  { name: 'attr.unique.storage.bytesfree', description: 'Free space on the disk holding the Nomad data directory, in bytes.' },
  { name: 'attr.nomad.version', description: 'Version of the Nomad client.' },
  { name: 'attr.consul.version', description: 'Version of the Consul agent next to the client, when there is one.' },
  { name: 'attr.vault.version', description: 'Version of Vault the client can reach, when configured.' },
  { name: 'attr.driver.docker', description: 'Set to 1 when the Docker driver is available on the node.' },
  { name: 'attr.driver.docker.version', description: 'Version of the Docker engine on the node.' },
  { name: 'attr.driver.exec', description: 'Set to 1 when the exec driver is available on the node.' },
  { name: 'attr.driver.raw_exec', description: 'Set to 1 when the raw_exec driver is enabled on the node.' },
  { name: 'attr.driver.java', description: 'Set to 1 when the Java driver is available on the node.' },
  { name: 'attr.driver.qemu', description: 'Set to 1 when the QEMU driver is available on the node.' },
  { name: 'attr.platform.aws.instance-type', description: 'EC2 instance type, on AWS.' },
  { name: 'attr.platform.aws.placement.availability-zone', description: 'EC2 availability zone, on AWS.' },
  { name: 'meta.', description: 'A key of the client node meta configuration; write the key after the dot.' },
];
