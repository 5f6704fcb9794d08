// Messages the core speaks as well as the UI: field labels, validation, error codes, status names.
// The renderer merges these with its own UI strings; the CLI prints them directly.
export const zhCN = {
  fields: {
    id: '编号',
    code: '班次编号',
    name: '班次名称',
    category: '班次类别',
    year: '年度',
    startDate: '开始日期',
    endDate: '结束日期',
    location: '培训地点',
    sponsor: '主办单位',
    headTeacher: '班主任',
    plannedSize: '计划人数',
    goals: '教学目标',
    notes: '备注',
    status: '状态',
    search: '搜索内容',
    schoolName: '学校名称',
    locale: '界面语言',
    kind: '列表类型',
    items: '列表项',
    value: '值',
    ref: '班次',
  },
  issues: {
    required: '请填写“{{label}}”',
    too_long: '“{{label}}”不能超过 {{max}} 个字',
    invalid_type: '“{{label}}”的格式不正确',
    invalid_date: '“{{label}}”不是有效日期（格式为 年-月-日，如 2019-06-03）',
    end_before_start: '结束日期不能早于开始日期',
    not_positive: '“{{label}}”应为大于 0 的整数',
    not_integer: '“{{label}}”应为整数',
    out_of_range: '“{{label}}”应在 {{min}} 到 {{max}} 之间',
    unknown_value: '“{{label}}”的取值“{{value}}”无效',
    unknown_field: '无法识别的字段“{{label}}”',
    invalid_format: '“{{label}}”的格式不正确',
  },
  errors: {
    INVALID_INPUT: '输入有误，请检查后重试',
    UNKNOWN_CHANNEL: '未知的操作“{{channel}}”',
    NOT_FOUND: '找不到所需的记录',
    CONFLICT: '与已有记录冲突',
    READ_ONLY: '记录为只读，不能修改',
    INVALID_STATE: '当前状态下不能执行此操作',
    DATABASE_TOO_NEW: '数据库由更新版本的程序创建，请升级本程序后再打开',
    FORBIDDEN: '拒绝执行：请求来源不受信任',
    INTERNAL: '程序内部错误，操作未执行',
  },
  status: {
    planning: '筹备中',
    in_progress: '进行中',
    finished: '已结业',
    archived: '已归档',
  },
  classes: {
    notFound: '找不到班次“{{ref}}”',
    archived: '班次“{{name}}”已归档，不能修改；如需修改，请先取消归档',
    badTransition: '班次“{{name}}”不能从“{{from}}”变为“{{to}}”',
    notArchived: '班次“{{name}}”未归档',
    categoryUnknown: '班次类别“{{value}}”不在类别列表中（可选：{{options}}）',
    copySuffix: '（副本）',
  },
  vocab: {
    duplicate: '列表中有重复项“{{value}}”',
    empty: '列表至少需要一项',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type SharedMessages = Widen<typeof zhCN>;
