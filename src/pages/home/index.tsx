import { View } from '@tarojs/components'
import { Button, Cell, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
export default function Home() {
  return <View><Cell title="首页" /><Input placeholder="姓名" /><Button type="primary">提交</Button></View>
}
