import type { workstationEn } from './en';

/** 桌面应用的连接设置（本机或办公室服务器）与更新提示，简体中文。 */
export const workstationZhCN: typeof workstationEn = {
  nav: {
    connection: '连接',
  },
  setup: {
    title: '数据保存在哪里？',
    description: '只需选择一次；以后可在“设置 > 连接”中更改。',
    changedTitle: '办公室服务器的证书已更改',
  },
  page: {
    title: '连接',
    description: '这台电脑的数据保存位置：本机，或办公室服务器。',
    current: '当前',
    currentLocal: '本机（自己的数据库）',
    currentServer: '办公室服务器 {{url}}',
    pinned: '已信任的证书',
    desktopOnly: '连接方式在 Lantern CRM 桌面应用中选择。在浏览器中，您已经在使用办公室服务器。',
  },
  choice: {
    label: '数据保存在',
    local: '本机',
    localHint: '单人办公室：数据保存在这台电脑自己的数据库中。',
    server: '办公室服务器',
    serverHint: '员工电脑：所有人通过网络使用办公室服务器上的数据。',
  },
  form: {
    url: '办公室服务器地址',
    urlPlaceholder: 'https://office-server:8443',
    urlHint: '按管理员提供的地址填写：https://、服务器名称或地址，以及端口。',
    check: '检查服务器',
    useLocal: '使用本机',
    connect: '信任此证书并连接',
    trustNew: '信任新证书',
    restartNote: 'Lantern CRM 将重新启动以应用更改。',
  },
  probe: {
    found: '已找到 Lantern CRM 办公室服务器',
    version: '服务器版本 {{version}}（数据库结构 {{schema}}）',
    versionDiffers: '此应用的版本为 {{version}}。连接后服务器会提供匹配的版本；在此之前只能查看，不能修改。',
    fingerprint: '证书指纹（SHA-256）',
    compare:
      '请与办公室服务器显示的指纹核对：服务器启动时（npm run serve）打印的“Certificate SHA-256 fingerprint”一行，或“设置 > 许可证与席位 > 服务器指纹”。两者一致时才连接。',
    alreadyTrusted: '这就是这台电脑已信任的证书。',
    confirm: '我已将此指纹与办公室服务器显示的指纹核对，两者一致',
    failed: '无法使用此服务器',
    invalidUrl: '这不是办公室服务器地址。请填写 https://、服务器名称或地址，以及端口，例如 https://office-server:8443。',
    unreachable: '无法连接办公室服务器。请检查地址和端口、服务器是否正在运行，以及这台电脑是否在办公室网络中。',
    notLantern: '此地址有应答，但不是 Lantern CRM 办公室服务器。请检查端口。',
    certificateChanged:
      '办公室服务器显示的证书与这台电脑信任的证书不同，因此没有向它发送任何内容。可能有人在拦截连接，也可能是管理员更换了证书。请询问管理员，只有当新指纹与服务器显示的一致时才信任它。',
    expected: '此前信任的',
    presented: '现在显示的',
  },
  update: {
    title: '更新 {{version}}',
    downloading: '正在从办公室服务器下载… {{percent}}%',
    ready: '版本 {{version}} 已准备就绪，将在 Lantern CRM 重新启动时安装。',
    restart: '重新启动以更新',
    failed: '无法下载更新',
    mismatchTitle: '请更新此应用',
  },
};
