import { View, Text } from '@tarojs/components'
export default function Mine() {
  return <View><Text>我的</Text></View>
}
