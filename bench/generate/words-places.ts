/**
 * Cities with the shape of their phone numbers, already in E.164 (what the app stores after
 * normalising): a fixed prefix and a number of random digits.
 */
export interface City {
  name: string;
  country: string;
  chinese: boolean;
  landline: string;
  landlineDigits: number;
  mobile: string;
  mobileDigits: number;
}

const city = (name: string, country: string, chinese: boolean, landline: string, landlineDigits: number, mobile: string, mobileDigits: number): City => ({
  name, country, chinese, landline, landlineDigits, mobile, mobileDigits,
});

export const CITIES: readonly City[] = [
  city('New York', 'United States', false, '+1212555', 4, '+1917555', 4),
  city('San Francisco', 'United States', false, '+1415555', 4, '+1628555', 4),
  city('Chicago', 'United States', false, '+1312555', 4, '+1773555', 4),
  city('Boston', 'United States', false, '+1617555', 4, '+1857555', 4),
  city('Seattle', 'United States', false, '+1206555', 4, '+1425555', 4),
  city('Austin', 'United States', false, '+1512555', 4, '+1737555', 4),
  city('London', 'United Kingdom', false, '+442079460', 3, '+447700900', 3),
  city('Manchester', 'United Kingdom', false, '+441614960', 3, '+447700900', 3),
  city('Berlin', 'Germany', false, '+4930', 8, '+49151', 8),
  city('München', 'Germany', false, '+4989', 8, '+49160', 8),
  city('Paris', 'France', false, '+331', 8, '+336', 8),
  city('Singapore', 'Singapore', false, '+656', 7, '+659', 7),
  city('Tokyo', 'Japan', false, '+813', 8, '+8190', 8),
  city('Sydney', 'Australia', false, '+612', 8, '+614', 8),
  city('上海', 'China', true, '+8621', 8, '+86138', 8),
  city('北京', 'China', true, '+8610', 8, '+86139', 8),
  city('深圳', 'China', true, '+86755', 8, '+86135', 8),
  city('广州', 'China', true, '+8620', 8, '+86136', 8),
  city('杭州', 'China', true, '+86571', 8, '+86158', 8),
  city('成都', 'China', true, '+8628', 8, '+86186', 8),
  city('香港', 'Hong Kong', true, '+8522', 7, '+8529', 7),
  city('台北', 'Taiwan', true, '+8862', 8, '+8869', 8),
];

export const ENGLISH_STREETS = ['Main Street', 'Oak Avenue', 'Market Street', 'High Street', 'Park Road', 'Church Lane', 'Station Road', 'King Street', 'Harbour Way', 'Mill Lane'];
export const CHINESE_DISTRICTS = ['浦东新区', '朝阳区', '南山区', '天河区', '西湖区', '武侯区', '徐汇区', '海淀区'];
export const CHINESE_ROADS = ['世纪大道', '建国路', '科技园路', '中山路', '解放路', '人民路', '南京西路', '长安街'];
