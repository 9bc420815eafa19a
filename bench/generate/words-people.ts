/** Names for generated people: English, and Chinese with their pinyin (for e-mail addresses and usernames). */

export const ENGLISH_FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel', 'Nancy',
  'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily',
  'Andrew', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'George', 'Deborah',
  'Timothy', 'Stephanie', 'Ronald', 'Rebecca', 'Edward', 'Sharon', 'Jason', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan', 'Kathleen',
  'Jacob', 'Amy', 'Gary', 'Angela', 'Nicholas', 'Shirley', 'Eric', 'Anna', 'Jonathan', 'Brenda', 'Stephen', 'Pamela',
  'Larry', 'Emma', 'Justin', 'Nicole', 'Scott', 'Helen', 'Brandon', 'Samantha', 'Benjamin', 'Katherine', 'Samuel', 'Christine',
  'Olivia', 'Sofia', 'Lucas', 'Mia', 'Noah', 'Chloe', 'Liam', 'Zoe', 'Ethan', 'Grace', 'Oliver', 'Hannah', 'José', 'Zoë', 'Renée',
];

export const ENGLISH_LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott',
  'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell',
  'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey',
  'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James',
  'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross',
  'Foster', 'Jiménez', 'Müller', 'Schmidt', 'Fischer', "O'Brien", 'Dubois', 'Rossi', 'Becker', 'Novak', 'Andersson', 'Tanaka',
];

/** [surname, pinyin] */
export const CHINESE_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'],
  ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['欧阳', 'ouyang'],
];

/** [given name, pinyin]: one and two characters, as common in mainland China. */
export const CHINESE_GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['秀英', 'xiuying'], ['桂英', 'guiying'], ['秀兰', 'xiulan'], ['建华', 'jianhua'], ['建国', 'jianguo'], ['志强', 'zhiqiang'],
  ['晓明', 'xiaoming'], ['小红', 'xiaohong'], ['海燕', 'haiyan'], ['丽娟', 'lijuan'], ['俊杰', 'junjie'], ['子涵', 'zihan'],
  ['浩然', 'haoran'], ['欣怡', 'xinyi'], ['梓萱', 'zixuan'], ['雨桐', 'yutong'], ['一诺', 'yinuo'], ['宇轩', 'yuxuan'],
  ['思远', 'siyuan'], ['佳怡', 'jiayi'], ['文博', 'wenbo'], ['嘉豪', 'jiahao'], ['诗涵', 'shihan'], ['天宇', 'tianyu'],
  ['国栋', 'guodong'], ['红梅', 'hongmei'], ['春生', 'chunsheng'], ['雪梅', 'xuemei'], ['立新', 'lixin'], ['振华', 'zhenhua'],
  ['宏', 'hong'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'], ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'],
];

export const ENGLISH_TITLES = [
  'CEO', 'CFO', 'CTO', 'Sales Manager', 'Purchasing Manager', 'Office Manager', 'Operations Director', 'IT Manager',
  'Marketing Director', 'Account Executive', 'Procurement Specialist', 'Project Manager', 'Engineer', 'Head of Finance',
  'Facilities Manager', 'HR Manager', 'Owner', 'Managing Director', 'Buyer', 'Assistant',
];

export const CHINESE_TITLES = ['总经理', '销售经理', '采购经理', '技术总监', '财务总监', '市场部经理', '工程师', '行政主管', '董事长', '项目经理'];

export const FREE_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'];
export const CHINESE_MAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com'];
