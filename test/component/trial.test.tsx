import { render, screen, fireEvent } from '@testing-library/react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'

function Form() {
  const [v, setV] = useState('')
  const [n, setN] = useState(0)
  return <View><Input placeholder="姓名" value={v} onInput={(e) => setV(e.detail.value)} /><Text>值:{v}</Text><Button onClick={() => setN(n + 1)}>提交</Button><Text>次数{n}</Text></View>
}

test('trial', async () => {
  render(<Form />)
  const el = await screen.findByText('提交')
  fireEvent.click(el)
  expect(await screen.findByText('次数1')).toBeInTheDocument()
  const input = document.querySelector('input') ?? document.querySelector('taro-input-core')
  console.log(document.body.innerHTML)
  fireEvent.input(input!, { target: { value: '张' } })
  expect(await screen.findByText('值:张')).toBeInTheDocument()
})
